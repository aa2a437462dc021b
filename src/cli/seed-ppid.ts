/**
 * Synthetic public information requests (PPID) for benchmarks: `requests` requests spread over the
 * last years, as the module would hold them — what was asked of which OPD (roads, social aid,
 * health, schools, environment, population data, the city's budget), who asked (NIK, passport or a
 * legal entity, the number AES-GCM encrypted with the app's field cipher and masked as the app
 * masks it), by which channel, with statuses by age (fresh requests at the desk, old ones mostly
 * answered: granted, partly granted or refused under Pasal 17, not held, withdrawn), working-day
 * deadlines from the holidays table, one extension on some, clarifications, the written notices,
 * a timeline per request with an audit line for every step, answer documents (metadata only) on
 * most copies granted, and objections to some refusals.
 * Rows go in with COPY FROM STDIN; the tables' secondary indexes (the full-text GIN index among
 * them) are dropped for the load and rebuilt after it.
 *
 * Called by `npm run seed:synthetic` (`--ppid-requests`, default 100000). The identity numbers are
 * encrypted with KHIDMAT_SECRET_KEY, or the benchmark server's fixed key when it is unset.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { copy, type Cell } from './bulk-copy.js';
import { openDatabase } from '../core/db/client.js';
import { seedReferenceData } from '../core/reference/seed.js';
import { createFieldCipher, parseMasterKey, type FieldCipher } from '../core/crypto/secrets.js';
import { maskNik, parseNik } from '../core/nik/nik.js';
import { addWorkingDays, wibDate } from '../core/calendar/working-days.js';
import { mulberry32, type Random } from '../core/demo/random.js';
import { STREETS } from '../aduan/demo/places.js';
import { XLSX } from '../core/files/document.js';
import { DEADLINES, type RequestStatus } from '../ppid/lifecycle.js';
import { OBJECTION_DEADLINES } from '../ppid/objection-lifecycle.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const BATCH = 25_000;

/** The key the benchmark server runs with when KHIDMAT_SECRET_KEY is unset (bench/run.ts). */
export const BENCH_SECRET_KEY = Buffer.alloc(32, 1).toString('base64');

/** What is asked, by the OPD holding it (null: the PPID Utama's own, the city-wide documents). */
const INFORMATION: Record<string, readonly string[]> = {
  PUPR: [
    'Dokumen kontrak dan rencana anggaran biaya pemeliharaan {jalan} tahun {tahun}.',
    'Daftar paket pekerjaan drainase Kecamatan {kec} tahun {tahun} beserta nilai kontraknya.',
    'Laporan hasil pemeriksaan kondisi jembatan di Kecamatan {kec} tahun {tahun}.',
    'Rencana kerja peningkatan jalan lingkungan di Kelurahan {kel} tahun anggaran {tahun}.',
    'Salinan dokumen tender dan pemenang lelang proyek pengaspalan {jalan} tahun {tahun}.',
    'Jadwal dan progres fisik pekerjaan normalisasi parit di {jalan}.',
  ],
  PERKIM: [
    'Data rumah tidak layak huni penerima bantuan bedah rumah di Kelurahan {kel} tahun {tahun}.',
    'Daftar lokasi penerangan jalan umum yang dibangun di Kecamatan {kec} tahun {tahun}.',
    'Rencana tapak dan anggaran pembangunan ruang terbuka hijau di {jalan}.',
    'Data kawasan permukiman kumuh di Kota Dumai dan rencana penanganannya tahun {tahun}.',
  ],
  DINSOS: [
    'Daftar penerima bantuan sosial sembako di Kelurahan {kel} tahun {tahun}.',
    'Data jumlah penerima Program Keluarga Harapan per kecamatan tahun {tahun}.',
    'Jumlah anak terlantar dan lansia yang dibina Dinas Sosial Kota Dumai tahun {tahun}.',
    'Kriteria dan prosedur penetapan penerima bantuan langsung tunai tahun {tahun}.',
    'Laporan penyaluran bantuan bagi korban kebakaran di Kecamatan {kec} tahun {tahun}.',
  ],
  DINKES: [
    'Data prevalensi stunting per kelurahan di Kota Dumai tahun {tahun}.',
    'Jumlah kasus demam berdarah dengue di Kecamatan {kec} tahun {tahun}.',
    'Laporan realisasi anggaran pengadaan obat dan alat kesehatan puskesmas tahun {tahun}.',
    'Data cakupan imunisasi dasar lengkap balita per puskesmas tahun {tahun}.',
    'Jumlah tenaga kesehatan dan dokter di setiap puskesmas Kota Dumai tahun {tahun}.',
  ],
  DISDIK: [
    'Rincian penggunaan dana BOS SD dan SMP negeri di Kecamatan {kec} tahun {tahun}.',
    'Data daya tampung dan hasil seleksi penerimaan peserta didik baru zonasi tahun {tahun}.',
    'Daftar sekolah yang menerima rehabilitasi ruang kelas tahun {tahun}.',
    'Jumlah guru honorer per sekolah negeri di Kota Dumai tahun {tahun}.',
    'Daftar penerima beasiswa pendidikan Pemerintah Kota Dumai tahun {tahun}.',
  ],
  DLH: [
    'Jadwal pengangkutan sampah per kelurahan di Kecamatan {kec}.',
    'Hasil uji kualitas air sungai dan air laut di pesisir Dumai tahun {tahun}.',
    'Dokumen AMDAL dan izin lingkungan kawasan industri Pelintung.',
    'Data volume sampah yang masuk ke TPA Kota Dumai per bulan tahun {tahun}.',
    'Laporan pemantauan kualitas udara selama kebakaran hutan dan lahan tahun {tahun}.',
  ],
  DISPAR: [
    'Anggaran dan laporan pelaksanaan festival budaya Dumai tahun {tahun}.',
    'Data jumlah kunjungan wisatawan ke objek wisata Kota Dumai tahun {tahun}.',
    'Daftar penerima hibah kegiatan kepemudaan dan olahraga tahun {tahun}.',
  ],
  SATPOLPP: [
    'Data penertiban pedagang kaki lima di {jalan} tahun {tahun}.',
    'Standar operasional prosedur penertiban bangunan tanpa izin di Kota Dumai.',
    'Jumlah pelanggaran peraturan daerah yang ditindak per kecamatan tahun {tahun}.',
  ],
  DISHUB: [
    'Data titik parkir tepi jalan umum dan realisasi retribusi parkir tahun {tahun}.',
    'Rencana pemasangan lampu lalu lintas di simpang {jalan}.',
    'Jumlah uji KIR kendaraan angkutan barang di Kota Dumai tahun {tahun}.',
    'Data kecelakaan lalu lintas dan titik rawan di {jalan} tahun {tahun}.',
  ],
  DISDUKCAPIL: [
    'Jumlah penduduk per kelurahan menurut jenis kelamin dan kelompok umur tahun {tahun}.',
    'Data perekaman KTP elektronik per kecamatan tahun {tahun}.',
    'Standar pelayanan dan waktu penyelesaian akta kelahiran dan kartu keluarga.',
  ],
  UTAMA: [
    'Laporan realisasi APBD Kota Dumai tahun {tahun}.',
    'Daftar informasi publik yang dikecualikan di lingkungan Pemerintah Kota Dumai.',
    'Rencana strategis dan laporan kinerja instansi pemerintah Kota Dumai tahun {tahun}.',
    'Anggaran belanja publikasi dan kerja sama media Pemerintah Kota Dumai tahun {tahun}.',
    'Salinan Peraturan Wali Kota Dumai tentang pengelolaan sampah rumah tangga.',
    'Daftar titik akses internet gratis milik Pemerintah Kota Dumai di Kecamatan {kec}.',
    'Laporan hasil pemeriksaan BPK atas laporan keuangan Pemerintah Kota Dumai tahun {tahun}.',
  ],
};
const OPD_WEIGHT: Record<string, number> = { PUPR: 22, DINSOS: 14, UTAMA: 12, DISDIK: 11, DINKES: 10, DLH: 9, PERKIM: 7, DISHUB: 6, DISDUKCAPIL: 4, SATPOLPP: 3, DISPAR: 2 };
/** Too vague to answer: these go to clarification first. */
const VAGUE = ['Mohon data tentang anggaran.', 'Minta data proyek tahun {tahun}.', 'Informasi bantuan untuk warga Kelurahan {kel}.', 'Data pembangunan di Kecamatan {kec}.'];
const OPENINGS = ['', '', '', 'Mohon salinan ', 'Saya meminta ', 'Mohon diberikan ', 'Permohonan informasi: '];
const CLOSINGS = ['', '', '', ' Dalam format PDF bila ada.', ' Beserta lampirannya.', ' Mohon dikirim dalam bentuk salinan elektronik.', ' Untuk periode Januari sampai Desember.'];
const PURPOSES = [
  'Bahan liputan tentang pelayanan publik di Kota Dumai.',
  'Penelitian skripsi tentang transparansi anggaran daerah.',
  'Penyusunan tesis magister administrasi publik.',
  'Kajian lembaga swadaya masyarakat tentang akuntabilitas belanja daerah.',
  'Pengawasan pelaksanaan proyek di lingkungan tempat tinggal kami.',
  'Bahan musyawarah perencanaan pembangunan kelurahan.',
  'Keperluan pribadi dan keluarga.',
  'Advokasi warga penerima manfaat program pemerintah.',
  'Bahan laporan kegiatan organisasi kemahasiswaan.',
];
const GIVEN = ['Ahmad', 'Siti', 'Muhammad', 'Nurhayati', 'Rizki', 'Dewi', 'Syafrizal', 'Fitriani', 'Hendra', 'Rina', 'Budi', 'Yuliana', 'Zulkifli', 'Rosmawati', 'Andri', 'Maimunah', 'Fajar', 'Indah', 'Taufik', 'Wulandari', 'Irwan', 'Sri', 'Agus', 'Lestari', 'Hafiz', 'Putri'];
const FAMILY = ['Lubis', 'Siregar', 'Nasution', 'Harahap', 'Saputra', 'Wijaya', 'Hidayat', 'Sinaga', 'Pratama', 'Syahputra', 'Rahmawati', 'Simanjuntak', 'Tanjung', 'Hasibuan', 'Putra', 'Daulay', 'Kurniawan', 'Anggraini'];
const ENTITIES = [
  ['Perkumpulan Riau Transparan', 'AHU-0012345.AH.01.07.2019'],
  ['Yayasan Lembaga Bantuan Hukum Dumai', 'AHU-0004821.AH.01.04.2016'],
  ['Forum Masyarakat Peduli Dumai', 'AHU-0031177.AH.01.07.2021'],
  ['Lembaga Pers Mahasiswa STIA Lancang Kuning', 'SK/012/LPM/2022'],
  ['PT Dumai Sejahtera Abadi', 'AHU-0068213.AH.01.01.2018'],
  ['CV Karya Mandiri Pesisir', 'AHU-0020934.AH.01.14.2020'],
  ['Koperasi Nelayan Bahari Dumai', 'AHU-0001733.AH.01.26.2017'],
  ['Indonesia Corruption Watch Perwakilan Riau', 'AHU-0009876.AH.01.07.2015'],
] as const;
/** Where a NIK's holder lives (province + city): most requesters are from Dumai and Riau. */
const NIK_REGIONS: Record<string, number> = { '1472': 60, '1471': 15, '1403': 6, '1407': 4, '1408': 3, '1271': 4, '1371': 2, '2171': 3, '3171': 3 };
const ANSWERS = {
  successful: [
    'Informasi yang Saudara minta kami lampirkan dalam bentuk salinan elektronik.',
    'Dokumen dapat diambil di loket PPID Kota Dumai pada hari kerja tanpa biaya.',
    'Data yang diminta terlampir; sumbernya laporan resmi OPD yang menguasainya.',
    'Informasi ini juga telah diumumkan di laman resmi Pemerintah Kota Dumai; tautan dan salinannya terlampir.',
  ],
  partially_successful: [
    'Sebagian informasi kami berikan; nama dan alamat penerima bantuan dihitamkan karena merupakan data pribadi.',
    'Rekapitulasi kami berikan; rincian per orang tidak dapat dibuka karena memuat rahasia pribadi.',
  ],
  rejected: [
    'Informasi ini dikecualikan karena masih dalam proses penyidikan aparat penegak hukum.',
    'Informasi ini dikecualikan karena memuat rahasia pribadi warga.',
    'Dokumen yang diminta adalah memorandum internal yang menurut sifatnya dirahasiakan.',
  ],
  not_held: ['Pemerintah Kota Dumai tidak menguasai informasi ini.', 'Informasi ini dikelola instansi lain; silakan ajukan permohonan ke badan publik tersebut.'],
} as const;
const REFUSALS: Record<string, readonly [string, string]> = {
  a: ['a', 'Membuka dokumen sebelum penyidikan selesai dapat menghambat penegakan hukum.'],
  h: ['h', 'Membuka data pribadi penerima dapat merugikan dan merendahkan martabat mereka; kepentingan publik terpenuhi oleh rekapitulasi.'],
  i: ['i', 'Memorandum antarbagian ini masih berupa bahan pertimbangan yang belum menjadi keputusan.'],
};
const HELD_BY = ['BPS Kota Dumai', 'Pemerintah Provinsi Riau', 'KSOP Kelas I Dumai', 'BPJN Riau (Kementerian PUPR)', 'BPJS Kesehatan Cabang Dumai', 'Kantor Pertanahan Kota Dumai'];
/** Answer documents as officers name them (the store keeps only the metadata here: no file behind them). */
const DOCUMENT_NAMES = ['Salinan dokumen', 'Rekapitulasi data', 'Laporan realisasi', 'Surat jawaban PPID', 'Lampiran kontrak', 'Daftar penerima', 'Data per kelurahan', 'Laporan kinerja'];
const EXTENSIONS = ['Dokumen masih dihimpun dari beberapa bidang; kami perlu tambahan waktu.', 'Informasi perlu diuji konsekuensinya sebelum diberikan.', 'Data tersebar di beberapa puskesmas/sekolah dan sedang direkap.'];

/** Status by age: fresh requests wait at the desk, old ones are mostly answered. */
function statusFor(rand: Random, ageDays: number): RequestStatus {
  if (ageDays < 3) return rand.weighted({ submitted: 65, clarification_needed: 10, in_progress: 25 });
  if (ageDays < 14) return rand.weighted({ submitted: 6, clarification_needed: 7, in_progress: 45, successful: 24, partially_successful: 6, rejected: 4, not_held: 5, withdrawn: 3 });
  return rand.weighted({ in_progress: 1, clarification_needed: 2, successful: 57, partially_successful: 13, rejected: 9, not_held: 12, withdrawn: 6 });
}

function nik(rand: Random, today: Date): string {
  const region = rand.weighted(NIK_REGIONS);
  const kec = String(region === '1472' ? rand.int(1, 7) : rand.int(1, 15)).padStart(2, '0');
  const woman = rand.chance(0.5);
  const day = rand.int(1, 28) + (woman ? 40 : 0);
  const yy = String(rand.int(1950, 2006) % 100).padStart(2, '0');
  const raw = `${region}${kec}${String(day).padStart(2, '0')}${String(rand.int(1, 12)).padStart(2, '0')}${yy}${String(rand.int(1, 999)).padStart(4, '0')}`;
  return parseNik(raw, { today }).nik;
}

/** The app's mask for a passport or entity number (src/ppid/intake.ts). */
const maskOther = (raw: string) => `${raw.slice(0, 2)}${'*'.repeat(Math.max(raw.length - 4, 1))}${raw.slice(-2)}`;
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k]!);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export interface PpidSeedOptions {
  requests: number;
  seed?: number;
  now?: Date;
  /** Years of history the requests spread over. */
  years?: number;
  /** Registration-number prefix (TRACKING_PREFIX); the app's default is DMI. */
  prefix?: string;
  /** KHIDMAT_SECRET_KEY as the server reads it; the bench server's fixed key when absent. */
  secretKey?: string;
  log?: (line: string) => void;
}

/** Adds `requests` synthetic information requests to the database at `url` (migrating it first). */
export async function seedPpid(url: string, opts: PpidSeedOptions): Promise<{ requests: number; events: number; seconds: number }> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const database = await openDatabase({ url });
  await seedReferenceData(database.db);
  await database.close();

  const rand = mulberry32((opts.seed ?? 0x1472) ^ 0x9f1d);
  const now = opts.now ?? new Date();
  const span = (opts.years ?? 3) * 365 * DAY;
  const prefix = opts.prefix ?? 'DMI';
  const cipher: FieldCipher = createFieldCipher(parseMasterKey(opts.secretKey ?? BENCH_SECRET_KEY));
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const client = await pool.connect();
  try {
    const opdIds = new Map((await client.query<{ id: number; code: string }>('select id, code from opds')).rows.map((o) => [o.code, o.id]));
    const kel = (await client.query<{ name: string; kecamatan_code: string }>('select k.name, k.kecamatan_code from kelurahan k order by k.code')).rows;
    const kecName = new Map((await client.query<{ code: string; name: string }>('select code, name from kecamatan')).rows.map((k) => [k.code, k.name]));
    const holidays: ReadonlySet<string> = new Set((await client.query<{ date: string }>(`select to_char(date, 'YYYY-MM-DD') as date from holidays`)).rows.map((h) => h.date));
    // Some requesters file while logged in: the synthetic citizens, when there are any.
    const citizens = (await client.query<{ id: string }>(`select id from users where role = 'citizen' and deleted_at is null limit 50000`)).rows.map((r) => r.id);
    const next = (
      await client.query<{ base: string; serial: string }>(
        `select coalesce(max(id), 0) + 1 as base, (select case when is_called then last_value + 1 else last_value end from ppid_registration_seq) as serial from ppid_requests`,
      )
    ).rows[0]!;
    const firstId = Number(next.base);
    const firstSerial = Number(next.serial);
    const deadlines = new Map<string, Date>();
    const deadline = (from: Date, n: number): Date => {
      const key = `${wibDate(from)}/${n}`;
      let due = deadlines.get(key);
      if (!due) deadlines.set(key, (due = addWorkingDays(from, n, holidays)));
      return due;
    };

    await client.query('begin');
    await client.query(`set local maintenance_work_mem = '256MB'`);
    await client.query('set local session_replication_role = replica');
    const tables = ['ppid_requests', 'ppid_events', 'ppid_objections', 'ppid_answer_documents'];
    const indexes = (
      await client.query<{ name: string; def: string }>(
        `select i.indexname as name, i.indexdef as def from pg_indexes i
          where i.schemaname = current_schema() and i.tablename = any($1)
            and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
        [tables],
      )
    ).rows;
    for (const ix of indexes) await client.query(`drop index "${ix.name}"`);
    log(`dropped ${indexes.length} secondary indexes of the PPID tables for the load`);
    await client.query('alter table ppid_requests alter column id set generated by default');

    const events: Cell[][] = [];
    const audits: Cell[][] = [];
    const objections: Cell[][] = [];
    const documents: Cell[][] = [];
    const answerDocuments: Cell[][] = [];
    let eventCount = 0;
    let documentCount = 0;
    const start = now.getTime() - span;
    for (let from = 0; from < opts.requests; from += BATCH) {
      const to = Math.min(opts.requests, from + BATCH);
      await copy(
        client,
        'ppid_requests',
        ['id', 'registration_number', 'requester_id', 'identity_type', 'identity_encrypted', 'identity_masked', 'full_name', 'entity_name', 'address', 'email', 'phone',
          'information', 'purpose', 'obtain_method', 'delivery_method', 'channel', 'public_consent', 'status', 'opd_id', 'token_hash', 'created_at', 'updated_at',
          'received_at', 'verify_due_at', 'answer_due_at', 'extended_at', 'extension_reason', 'answered_at', 'notice', 'exemptions', 'consequence_test', 'held_by', 'cost_rupiah'],
        (function* () {
          for (let i = from; i < to; i++) {
            const id = firstId + i;
            const created = new Date(start + (span * (i + rand.next())) / opts.requests);
            const k = rand.pick(kel);
            const street = rand.pick(STREETS[k.kecamatan_code] ?? ['Jl. Jenderal Sudirman']);
            const values = { jalan: street, kel: k.name, kec: kecName.get(k.kecamatan_code) ?? k.name, tahun: String(new Date(created.getTime() - rand.int(0, 2) * 365 * DAY).getUTCFullYear()) };
            let status = statusFor(rand, (now.getTime() - created.getTime()) / DAY);
            const opdKey = rand.weighted(OPD_WEIGHT);
            const asked = rand.pick(OPENINGS);
            const body = fill(rand.pick(INFORMATION[opdKey]!), values);
            const vague = status === 'clarification_needed' || (status !== 'submitted' && rand.chance(0.06));
            let information = vague ? fill(rand.pick(VAGUE), values) : `${asked}${asked ? lowerFirst(body) : body}${rand.pick(CLOSINGS)}`;

            // Who asks, and how.
            const kind = rand.weighted({ nik: 85, entity: 12, passport: 3 });
            const fullName = `${rand.pick(GIVEN)} ${rand.pick(FAMILY)}`;
            const entity = kind === 'entity' ? rand.pick(ENTITIES) : null;
            const number = kind === 'nik' ? nik(rand, created) : kind === 'entity' ? entity![1].toUpperCase() : `${rand.pick(['B', 'C', 'X', 'E'])}${rand.int(1_000_000, 9_999_999)}`;
            const channel = rand.weighted({ web: 72, walk_in: 14, email: 7, letter: 5, phone: 2 });
            const account = channel === 'web' && citizens.length > 0 && rand.chance(0.4) ? rand.pick(citizens) : null;
            const hasEmail = channel === 'email' || rand.chance(0.85);
            const email = hasEmail ? `${fullName.toLowerCase().replace(/\s+/g, '.')}${rand.int(1, 999)}@sintetis.invalid` : null;
            const phone = !hasEmail || rand.chance(0.5) ? `08${rand.int(11, 13)}${rand.int(1_000_000, 99_999_999)}` : null;
            const obtain = rand.weighted({ soft_copy: 62, hard_copy: 18, read: 8, see: 6, note: 4, listen: 2 });
            const delivery = obtain === 'soft_copy' && email ? 'email' : obtain === 'hard_copy' ? rand.weighted({ collect: 60, post: 25, courier: 15 }) : 'collect';
            const address = number.startsWith('1472') || kind !== 'nik' ? `${street} No. ${rand.int(1, 250)}, Kel. ${k.name}, Dumai` : `Jl. ${rand.pick(['Tuanku Tambusai', 'Sudirman', 'Ahmad Yani', 'Diponegoro', 'Hangtuah'])} No. ${rand.int(1, 250)}, ${number.startsWith('1471') ? 'Pekanbaru' : 'Riau'}`;
            const actorRole = account ? 'citizen' : channel === 'web' ? 'requester' : 'ppid_utama';
            const registration = `${prefix}-PPID-${wibDate(created).slice(0, 4)}-${String(firstSerial + i).padStart(6, '0')}`;

            // The timeline: each step some hours after the previous, never after now.
            let t = created.getTime();
            const latest = now.getTime() - 60_000;
            const step = (minH: number, maxH: number) => (t = Math.min(latest, t + rand.between(minH, maxH) * HOUR));
            // The request's own steps move its updated_at; objection steps (on the same timeline) do not.
            let changed = t;
            // Each step with its audit line, as the app writes them (actions.ts, objections.ts): the
            // audit names the actor's role, or `system` for a requester without an account.
            const ev = (action: string, role: string, fromS: string | null, toS: string | null, message: string | null = null, detail: Record<string, unknown> | null = null, actor: string | null = null) => {
              events.push([id, new Date(t), actor, role, action, fromS, toS, message, detail ? JSON.stringify(detail) : null]);
              const { objection, ...audited } = detail ?? {};
              audits.push([new Date(t), actor, role === 'requester' ? 'system' : role, objection ? `ppid.objection.${action}` : `ppid.${action}`, 'ppid_request', registration,
                objection || detail ? JSON.stringify(audited) : null]);
              if (!objection) changed = t;
            };
            ev('submit', actorRole, null, 'submitted', null, { channel }, account);
            let received = created;
            if (vague) {
              step(4, 40);
              ev('ask_clarification', 'ppid_utama', 'submitted', 'clarification_needed', 'Sebutkan informasi apa, untuk tahun berapa dan dari OPD mana yang Saudara maksud.');
              if (status !== 'clarification_needed') {
                step(12, 120);
                if (t >= latest) status = 'clarification_needed';
                else {
                  information = body;
                  received = new Date(t);
                  ev('clarify', account ? 'citizen' : 'requester', 'clarification_needed', 'submitted', null, null, account);
                }
              }
            }
            const verifyDue = deadline(received, DEADLINES.verifyWorkingDays);
            let answerDue = deadline(received, DEADLINES.answerWorkingDays);
            let opd: number | null = null;
            let extendedAt: Date | null = null, extensionReason: string | null = null, answeredAt: Date | null = null, notice: string | null = null;
            let exemptions: string | null = null, consequence: string | null = null, heldBy: string | null = null, cost: number | null = null;
            const answered = ['successful', 'partially_successful', 'rejected', 'not_held'].includes(status);
            if (status === 'withdrawn') {
              step(6, 96);
              ev('withdraw', account ? 'citizen' : 'requester', 'submitted', 'withdrawn', null, null, account);
            }
            if (status === 'in_progress' || answered) {
              step(2, 60);
              if (t >= latest) status = 'submitted';
              else {
                // Routed to the OPD holding the information, or answered by the PPID Utama itself.
                opd = opdKey === 'UTAMA' || rand.chance(0.25) ? null : (opdIds.get(opdKey) ?? null);
                const code = opd === null ? null : opdKey;
                ev('verify', 'ppid_utama', 'submitted', 'in_progress', null, code ? { opdCode: code } : null);
                if (rand.chance(0.08)) {
                  step(48, 200);
                  extendedAt = new Date(t);
                  extensionReason = rand.pick(EXTENSIONS);
                  answerDue = deadline(answerDue, DEADLINES.extensionWorkingDays);
                  ev('extend', code ? 'ppid_pelaksana' : 'ppid_utama', 'in_progress', 'in_progress', extensionReason);
                }
                if (answered) {
                  // Mostly on time; one in ten after its deadline.
                  const late = rand.chance(0.1);
                  const due = answerDue.getTime();
                  t = Math.min(latest, late ? due + rand.between(2, 240) * HOUR : t + rand.next() * Math.max(HOUR, due - t));
                  if (t >= latest && t < due) status = 'in_progress';
                  else {
                    answeredAt = new Date(t);
                    if (status === 'partially_successful' || status === 'rejected') {
                      const [letter, test] = REFUSALS[status === 'partially_successful' ? 'h' : rand.pick(['a', 'h', 'i'])]!;
                      exemptions = `{${letter}}`;
                      consequence = test;
                    }
                    notice = rand.pick(ANSWERS[status as keyof typeof ANSWERS]);
                    if (status === 'not_held') heldBy = rand.pick(HELD_BY);
                    if (status === 'successful' && obtain === 'hard_copy' && rand.chance(0.3)) cost = rand.int(1, 30) * 2500;
                    const action = { successful: 'grant', partially_successful: 'grant_partly', rejected: 'refuse', not_held: 'not_held' }[status as 'successful'];
                    ev(action, code ? 'ppid_pelaksana' : 'ppid_utama', 'in_progress', status, notice, null);
                    // Most copies granted in full or in part go out as answer documents (PDF, or a workbook of figures).
                    if ((status === 'successful' || status === 'partially_successful') && (obtain === 'soft_copy' || obtain === 'hard_copy') && rand.chance(0.7)) {
                      const count = rand.weighted({ 1: 70, 2: 22, 3: 8 });
                      for (let position = 0; position < Number(count); position++) {
                        const doc = crypto.randomUUID();
                        const workbook = rand.chance(0.2);
                        const uploaded = new Date(t - rand.between(0.2, 20) * HOUR);
                        const ym = uploaded.toISOString().slice(0, 7).replace('-', '/');
                        documents.push([doc, null, `documents/${ym}/${doc}.${workbook ? 'xlsx' : 'pdf'}`, workbook ? XLSX : 'application/pdf',
                          `${rand.pick(DOCUMENT_NAMES)}${position ? ` (${position + 1})` : ''}.${workbook ? 'xlsx' : 'pdf'}`, rand.int(40_000, 4_000_000), workbook ? null : rand.int(1, 60), uploaded, answeredAt]);
                        answerDocuments.push([id, doc, position]);
                      }
                    }
                    // Objections (keberatan): to some refusals, a few partial grants and answers of not held.
                    const objects = rand.chance(status === 'rejected' ? 0.15 : status === 'partially_successful' ? 0.06 : status === 'not_held' ? 0.02 : 0);
                    if (objects) {
                      step(24, 400);
                      if (t < latest) {
                        const filedAt = new Date(t);
                        const reasons = status === 'not_held' ? '{e}' : rand.chance(0.7) ? '{a}' : '{a,d}';
                        const statement = 'Kami keberatan atas jawaban ini: informasi tersebut menyangkut penggunaan anggaran publik dan semestinya terbuka.';
                        const objectionDue = deadline(filedAt, OBJECTION_DEADLINES.answerWorkingDays);
                        ev('object', account ? 'citizen' : 'requester', null, 'filed', statement, { objection: true, reasons: reasons.slice(1, -1).split(',') }, account);
                        step(48, 500);
                        const decided = t < latest ? rand.weighted({ upheld: 30, dismissed: 70 }) : null;
                        const decidedAt = decided ? new Date(t) : null;
                        const reason = decided === 'upheld' ? 'Keberatan diterima; PPID memberikan informasi yang diminta dalam 7 hari kerja.' : decided ? 'Keberatan ditolak; pengecualian telah diuji konsekuensinya.' : null;
                        if (decided) ev(decided === 'upheld' ? 'uphold' : 'dismiss', 'atasan_ppid', 'filed', decided, reason, { objection: true });
                        objections.push([id, reasons, statement, decided ?? 'filed', filedAt, objectionDue, decidedAt, reason, decidedAt ? deadline(decidedAt, OBJECTION_DEADLINES.disputeWorkingDays) : null]);
                      }
                    }
                  }
                }
              }
            }
            const token = crypto.randomBytes(24).toString('base64url');
            yield [
              id, registration, account, kind, cipher.encrypt(number), kind === 'nik' ? maskNik(number) : maskOther(number), fullName, entity?.[0] ?? null, address, email, phone,
              information, rand.pick(PURPOSES), obtain, delivery, channel, rand.chance(0.9), status, opd, crypto.createHash('sha256').update(token).digest('hex'), created, new Date(changed),
              received, verifyDue, answerDue, extendedAt, extensionReason, answeredAt, notice, exemptions, consequence, heldBy, cost,
            ];
          }
        })(),
      );
      await copy(client, 'ppid_events', ['request_id', 'at', 'actor_id', 'actor_role', 'action', 'from_status', 'to_status', 'public_message', 'detail'], events);
      await copy(client, 'audit_log', ['at', 'actor_id', 'actor_role', 'action', 'entity', 'entity_id', 'detail'], audits);
      await copy(client, 'ppid_objections', ['request_id', 'reasons', 'statement', 'status', 'filed_at', 'answer_due_at', 'decided_at', 'decision_reason', 'dispute_due_at'], objections);
      await copy(client, 'documents', ['id', 'owner_id', 'file_key', 'mime', 'name', 'bytes', 'pages', 'created_at', 'attached_at'], documents);
      await copy(client, 'ppid_answer_documents', ['request_id', 'document_id', 'position'], answerDocuments);
      eventCount += events.length;
      documentCount += answerDocuments.length;
      log(`${to} PPID requests, ${eventCount} timeline events, ${documentCount} answer documents`);
      for (const rows of [events, audits, objections, documents, answerDocuments]) rows.length = 0;
    }
    await client.query('alter table ppid_requests alter column id set generated always');
    await client.query(`select setval(pg_get_serial_sequence('ppid_requests', 'id'), (select max(id) from ppid_requests))`);
    if (opts.requests > 0) await client.query(`select setval('ppid_registration_seq', $1)`, [firstSerial + opts.requests - 1]);
    for (const ix of indexes) await client.query(ix.def);
    log(`rebuilt ${indexes.length} indexes`);
    await client.query('commit');
    for (const t of [...tables, 'documents', 'audit_log']) await client.query(`vacuum (analyze) ${t}`);
    return { requests: opts.requests, events: eventCount, seconds: (Date.now() - started) / 1000 };
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
    await pool.end();
  }
}
