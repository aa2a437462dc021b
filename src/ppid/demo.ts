/**
 * The PPID module's demo: its desks, and requests of the last weeks in each stage — waiting for the
 * completeness check, routed to an OPD, extended, granted, refused under Pasal 17, not held,
 * awaiting clarification — all filed and moved through the real services.
 */
import type { AppContext } from '../core/context.js';
import { demoEmail as at, type DemoStaff, type DemoTown } from '../core/module.js';
import { act, type ActionInput } from './actions.js';
import { fileRequest, type RequestInput } from './intake.js';
import type { RequestAction } from './lifecycle.js';
import * as q from './queries.js';

export const PPID_STAFF: readonly DemoStaff[] = [
  { role: 'ppid_utama', email: at('ppid'), fullName: 'Rina Oktaviani, S.I.Kom.', opd: 'DISKOMINFOTIKSAN', description: 'PPID Utama (Diskominfotiksan): verifies, routes and answers information requests' },
  { role: 'ppid_pelaksana', email: at('ppid.pupr'), fullName: 'Andri Saputra, S.T.', opd: 'PUPR', description: 'PPID Pelaksana, Dinas PUPR: requests about roads and public works' },
  { role: 'atasan_ppid', email: at('atasan.ppid'), fullName: 'Drs. H. Zulfikar, M.Si.', opd: 'DISKOMINFOTIKSAN', description: 'Atasan PPID: decides objections (keberatan)' },
];

const DAY = 24 * 3600_000;

interface Story {
  daysAgo: number;
  input: Partial<RequestInput>;
  steps: [RequestAction, ActionInput, 'utama' | 'pelaksana', number][];
}

const BASE: RequestInput = {
  identityType: 'nik',
  identityNumber: '1471015203880004',
  fullName: 'Fitriani Lubis',
  address: 'Jl. Tuanku Tambusai No. 12, Pekanbaru',
  email: 'fitriani.lubis@contoh.invalid',
  information: 'Dokumen kontrak dan rencana anggaran biaya pemeliharaan Jalan Sultan Syarif Kasim tahun 2026.',
  purpose: 'Bahan liputan tentang kualitas jalan kota.',
  obtainMethod: 'soft_copy',
  deliveryMethod: 'email',
};

const STORIES: Story[] = [
  { daysAgo: 1, input: {}, steps: [] },
  { daysAgo: 6, input: { fullName: 'LSM Riau Transparan', identityType: 'entity', identityNumber: 'AHU-0012345.AH.01.07.2019', entityName: 'Perkumpulan Riau Transparan' }, steps: [['verify', { opdCode: 'PUPR' }, 'utama', 1]] },
  {
    daysAgo: 16,
    input: { information: 'Daftar paket pekerjaan drainase Kecamatan Dumai Timur tahun 2025 beserta nilai kontraknya.' },
    steps: [['verify', { opdCode: 'PUPR' }, 'utama', 1], ['extend', { message: 'Dokumen masih dihimpun dari tiga bidang; kami perlu tambahan waktu.' }, 'pelaksana', 8]],
  },
  {
    daysAgo: 25,
    input: { fullName: 'Hendra Wijaya', identityNumber: '1472031505900002', information: 'Jadwal pengangkutan sampah per kelurahan di Kota Dumai.', obtainMethod: 'read', deliveryMethod: 'collect' },
    steps: [['verify', {}, 'utama', 1], ['grant', { message: 'Jadwal terlampir; salinan cetak dapat diambil di loket PPID tanpa biaya.' }, 'utama', 4]],
  },
  {
    daysAgo: 30,
    input: { information: 'Salinan berita acara pemeriksaan kasus dugaan korupsi proyek jalan tahun 2024.' },
    steps: [
      ['verify', { opdCode: 'PUPR' }, 'utama', 1],
      ['refuse', { message: 'Informasi ini dikecualikan karena masih dalam proses penyidikan.', exemptions: ['a'], consequenceTest: 'Membuka berita acara sebelum penyidikan selesai dapat menghambat penegakan hukum.' }, 'pelaksana', 6],
    ],
  },
  { daysAgo: 12, input: { information: 'Data jumlah kapal yang berlabuh di Pelabuhan Dumai tahun 2025.' }, steps: [['verify', {}, 'utama', 1], ['not_held', { message: 'Pemerintah Kota Dumai tidak menguasai informasi ini.', heldBy: 'KSOP Kelas I Dumai' }, 'utama', 3]] },
  { daysAgo: 3, input: { information: 'Mohon data tentang anggaran.' }, steps: [['ask_clarification', { message: 'Sebutkan anggaran apa dan untuk tahun berapa.' }, 'utama', 1]] },
];

export async function ensurePpidDemo(ctx: AppContext, town: DemoTown): Promise<void> {
  if (await q.anyRequest(ctx.db)) return;
  const desk = { utama: town.staff(at('ppid')), pelaksana: town.staff(at('ppid.pupr')) };
  const now = ctx.clock().getTime();
  for (const story of STORIES) {
    const filedAt = new Date(now - story.daysAgo * DAY);
    const { row } = await ctx.db.transaction((tx) => fileRequest(ctx, tx, null, { ...BASE, ...story.input }, filedAt));
    for (const [action, input, who, days] of story.steps) {
      await ctx.db.transaction((tx) => act(ctx, tx, desk[who], row.registrationNumber, action, input, undefined, new Date(filedAt.getTime() + days * DAY)));
    }
  }
}
