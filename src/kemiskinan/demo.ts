/**
 * Demo data of the poverty-complaint module, made through the real services: staff placed in
 * their section and kelurahan, a small DTSEN register imported the way Dinas Sosial would, and
 * complaints of the last two months in every stage — routed, visited, helped, referred, proposed
 * by the musyawarah kelurahan. Runs once: later starts find the complaints and do nothing.
 */
import { Readable } from 'node:stream';
import type { AppContext } from '../core/context.js';
import { allKelurahan } from '../core/reference/regions.js';
import { wibDate } from '../core/calendar/working-days.js';
import { mulberry32 } from '../core/demo/random.js';
import { DEMO_CITIZEN_EMAIL, demoEmail as at, type DemoStaff } from '../core/module.js';
import type { Viewer } from './access.js';
import { act } from './actions.js';
import { submitComplaint, type ComplaintInput } from './intake.js';
import { recordDeliberation } from './musyawarah.js';
import { processQueuedImports, queueImport } from './register-import.js';
import { NEED_TYPES, type NeedCategory, type Section } from './lifecycle.js';
import * as q from './queries.js';


/** Dinas Sosial's desk and sections, a volunteer and a kelurahan operator. */
export const KEMISKINAN_STAFF: readonly DemoStaff[] = [
  { role: 'dinsos_desk', email: at('dinsos.data'), fullName: 'Yulia Fitri, S.Sos.', opd: 'DINSOS', description: 'Dinas Sosial, Seksi Data, Pelaporan dan Pengaduan: verifies and routes poverty complaints, imports DTSEN' },
  { role: 'dinsos_section', email: at('dinsos.sosek'), fullName: 'Rudi Hartono, S.E.', opd: 'DINSOS', description: 'Dinas Sosial, Seksi Sosial Ekonomi: PKH, sembako, cash aid, housing repair' },
  { role: 'dinsos_section', email: at('dinsos.kesehatan'), fullName: 'Ns. Wulan Sari', opd: 'DINSOS', description: 'Dinas Sosial, Seksi Kesehatan: KIS/PBI-JK, medical costs' },
  { role: 'dinsos_section', email: at('dinsos.pendidikan'), fullName: 'Erwin Syah, S.Pd.', opd: 'DINSOS', description: 'Dinas Sosial, Seksi Pendidikan: KIP/PIP, school fees' },
  { role: 'volunteer', email: at('relawan'), fullName: 'Dewi Anggraini', opd: 'DINSOS', description: 'Relawan pendamping: home visits from the phone (works offline)' },
  { role: 'kelurahan_operator', email: at('kel.bagankeladi'), fullName: 'Syafrizal', opd: null, description: 'Operator Kelurahan Bagan Keladi: files for residents, musyawarah kelurahan' },
];
const BAGAN_KELADI = '14.72.01.1008';
const NAMES = ['Ahmad', 'Siti', 'Rusli', 'Nurhayati', 'Zulkifli', 'Rosmawati', 'Syamsul', 'Yusniar', 'Herman', 'Darmawati', 'Jamaluddin', 'Aminah', 'Safrizal', 'Rohani', 'Ilyas', 'Maimunah'];
const STREETS = ['Jl. Sultan Hasanuddin', 'Jl. Sudirman', 'Jl. Datuk Laksamana', 'Jl. Kelakap Tujuh', 'Jl. Soekarno-Hatta', 'Jl. Nelayan', 'Jl. Pangkalan Sesai', 'Jl. Bintan'];
const DESCRIPTIONS: Record<NeedCategory, string[]> = {
  pendidikan: ['Anak kelas 5 SD belum punya seragam dan buku, orang tua buruh harian.', 'Anak lulus SMP terancam tidak lanjut sekolah karena biaya.'],
  kesehatan: ['Ibu menderita diabetes, belum punya KIS, biaya obat tidak terjangkau.', 'Anak sering sakit, keluarga belum terdaftar PBI-JK.'],
  sosial_ekonomi: ['Suami meninggal, istri menghidupi tiga anak dari berjualan kue.', 'Atap rumah bocor dan dinding papan lapuk, rumah hampir roboh.', 'Kepala keluarga kehilangan pekerjaan di pelabuhan, belum ada penghasilan.'],
  darurat: ['Kepala keluarga stroke, tidak bisa bekerja, tidak ada makanan di rumah.', 'Rumah terbakar tadi malam, keluarga mengungsi ke rumah tetangga.'],
};

/** A valid Dumai NIK from a number: kecamatan 01–07, a birth date and a serial. */
function nik(n: number, female = false): string {
  const day = 1 + (n % 28) + (female ? 40 : 0);
  return `14720${1 + (n % 7)}${String(day).padStart(2, '0')}${String(1 + (n % 12)).padStart(2, '0')}${String(60 + (n % 40)).padStart(2, '0')}${String(1000 + n).slice(-4)}`;
}

export async function ensureKemiskinanDemo(ctx: AppContext): Promise<void> {
  if (await q.anyComplaint(ctx.db)) return;
  const staff = new Map((await q.usersByEmail(ctx.db, KEMISKINAN_STAFF.map((s) => s.email))).map((u) => [u.email!, u]));
  const who = (email: string, scope: Partial<Pick<Viewer, 'section' | 'kelurahanCode'>> = {}): Viewer => {
    const u = staff.get(email);
    if (!u) throw new Error(`demo account ${email} missing`);
    return { userId: u.id, role: u.role, opdId: u.opdId, fullName: u.fullName, section: scope.section ?? null, kelurahanCode: scope.kelurahanCode ?? null };
  };
  const sections: Record<Section, Viewer> = {
    sosial_ekonomi: who(at('dinsos.sosek'), { section: 'sosial_ekonomi' }),
    kesehatan: who(at('dinsos.kesehatan'), { section: 'kesehatan' }),
    pendidikan: who(at('dinsos.pendidikan'), { section: 'pendidikan' }),
  };
  const desk = who(at('dinsos.data'));
  const volunteer = who(at('relawan'));
  const operator = who(at('kel.bagankeladi'), { kelurahanCode: BAGAN_KELADI });
  const now = ctx.clock();
  for (const s of Object.values(sections)) await q.setStaffScope(ctx.db, s.userId, { section: s.section, kelurahanCode: null }, now);
  await q.setStaffScope(ctx.db, operator.userId, { section: null, kelurahanCode: BAGAN_KELADI }, now);

  const rand = mulberry32(0x4b4d);
  const pick = <T>(xs: readonly T[]): T => rand.pick(xs);
  const kelurahanCodes = (await allKelurahan(ctx.db)).map((k) => k.code);
  const [citizen] = await q.usersByEmail(ctx.db, [DEMO_CITIZEN_EMAIL]);

  // Forty households; the first thirty are in the register (the last ten are not).
  const households = Array.from({ length: 40 }, (_, i) => {
    const head = i === 0 && citizen?.nikEncrypted ? ctx.cipher.decrypt(citizen.nikEncrypted) : nik(i * 3);
    return {
      kk: `1472${String(100000 + i).slice(-6)}150120`,
      kelurahanCode: i % 4 === 0 ? BAGAN_KELADI : pick(kelurahanCodes),
      members: [
        { nik: head, name: `${pick(NAMES)} bin ${pick(NAMES)}`, relation: 'kepala' as const },
        { nik: nik(i * 3 + 1, true), name: `${pick(NAMES)} binti ${pick(NAMES)}`, relation: 'istri_suami' as const },
        { nik: nik(i * 3 + 2), name: pick(NAMES), relation: 'anak' as const },
      ],
    };
  });
  const period = wibDate(now).slice(0, 7);
  const lines = households.slice(0, 30).flatMap((hh) => hh.members.map((m) => [m.nik, hh.kk, m.name, `"${pick(STREETS)}"`, hh.kelurahanCode, 1 + Math.floor(rand.next() * 4), pick(['PKH;BPNT', 'PBI-JK', 'BPNT', '']), period].join(',')));
  await queueImport(ctx, desk, period, 'dtsen-demo.csv', Readable.from([['nik,kk,nama,alamat,kelurahan,desil,program,periode', ...lines].join('\n')]));
  await processQueuedImports(ctx);

  const day = 86_400_000;
  for (const [i, hh] of households.entries()) {
    const category = pick(['pendidikan', 'kesehatan', 'sosial_ekonomi', 'sosial_ekonomi', 'darurat'] as const);
    const filedAt = new Date(now.getTime() - (60 - i * 1.4) * day);
    const filer = hh.kelurahanCode === BAGAN_KELADI && i !== 0 ? operator : volunteer;
    const input: ComplaintInput = {
      household: { kk: hh.kk, address: `${pick(STREETS)} No. ${1 + Math.floor(rand.next() * 120)}`, kelurahanCode: hh.kelurahanCode, rt: String(1 + Math.floor(rand.next() * 12)), rw: String(1 + Math.floor(rand.next() * 6)), members: hh.members },
      needCategory: category,
      needType: pick(NEED_TYPES[category]),
      description: pick(DESCRIPTIONS[category]),
    };
    const c = await ctx.db.transaction((tx) => submitComplaint(ctx, tx, filer, input, filedAt));
    if (!c.registered) continue;
    const step = (who: Viewer, action: Parameters<typeof act>[4], body: Parameters<typeof act>[5], days: number) =>
      ctx.db.transaction((tx) => act(ctx, tx, who, c.trackingNumber, action, body, new Date(filedAt.getTime() + days * day)));
    // How far each complaint got: older ones further, so the queues hold every stage.
    const stage = i % 6;
    if (stage === 5 || i > 26) continue;
    const routed = await step(desk, 'route', {}, 1);
    const section = sections[routed.section!];
    if (stage === 4) continue;
    await step(section, 'assign_visit', { volunteerId: volunteer.userId, instruction: 'Periksa kondisi rumah dan kebutuhan mendesak.' }, 2);
    if (stage === 3) continue;
    const visit = (await q.visitsOf(ctx.db, c.id)).find(({ v }) => v.status === 'assigned')!;
    await step(volunteer, 'record_visit', {
      visitId: visit.v.id,
      visit: {
        visitedAt: new Date(filedAt.getTime() + 3 * day - 3_600_000).toISOString(),
        lat: 1.665 + rand.next() * 0.03,
        lng: 101.37 + rand.next() * 0.08,
        accuracyM: 15,
        checklist: { floor: pick(['tanah', 'papan', 'semen'] as const), wall: pick(['papan', 'tembok_tanpa_plester'] as const), roof: pick(['seng_bocor', 'seng'] as const), water: pick(['sumur', 'isi_ulang'] as const), electricity: pick(['menumpang', '450va'] as const), toilet: pick(['bersama', 'sendiri'] as const), cookingFuel: pick(['kayu', 'gas_3kg'] as const), meals: pick([1, 2] as const), earners: Math.floor(rand.next() * 2), sickOrDisabled: rand.chance(0.4), childrenOutOfSchool: rand.chance(0.3) },
        recommendation: 'assist',
        notes: 'Kondisi sesuai pengaduan.',
      },
    }, 3);
    if (stage === 2) continue;
    await step(section, 'assist', { assistance: { programme: category === 'kesehatan' ? 'BIAYA_BEROBAT' : category === 'pendidikan' ? 'BIAYA_SEKOLAH' : 'PANGAN', ...(category === 'sosial_ekonomi' || category === 'darurat' ? { goods: '20 kg beras, 4 L minyak goreng, 30 butir telur' } : { amount: 750_000 }), givenOn: wibDate(new Date(filedAt.getTime() + 5 * day)), givenBy: 'Dinas Sosial Kota Dumai' } }, 5);
    if (stage === 1) await step(section, 'refer', { opdCode: pick(['DISDUKCAPIL', 'DINKES', 'DISDIK']), instruction: 'Mohon tindak lanjut sesuai kewenangan: data kependudukan / layanan kesehatan / sekolah.' }, 6);
  }

  // Bagan Keladi's musyawarah has met once and proposed some unregistered households.
  const waiting = (await q.listComplaints(ctx.db, { kelurahanCode: BAGAN_KELADI, statuses: ['musyawarah'], limit: 100, offset: 0, now })).rows;
  if (waiting.length > 1) {
    await ctx.db.transaction((tx) =>
      recordDeliberation(ctx, tx, operator, {
        heldOn: wibDate(new Date(now.getTime() - 3 * day)),
        notes: 'Musyawarah kelurahan dihadiri lurah, LPM dan ketua RT.',
        decisions: waiting.slice(0, -1).map((r) => ({ trackingNumber: r.c.trackingNumber, decision: 'proposed' as const })),
      }),
    );
  }
}
