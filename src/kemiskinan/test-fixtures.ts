/** Helpers for the kemiskinan tests: staff in their section or kelurahan, households, register files. */
import { dumaiNik, type Harness } from '../test/harness.js';
import { processQueuedImports } from './register-import.js';

export const BAGAN_KELADI = '14.72.01.1008';
export const OTHER_KELURAHAN = '14.72.02.1002';

let kkSerial = 1;
/** A KK number: Dumai region, issue date, a fresh serial. */
export const kkNumber = (): string => `147201150126${String(kkSerial++ + (process.pid % 5000)).padStart(4, '0')}`;

type H = () => Harness;

/** A staff member of Dinas Sosial, placed in a section by the desk when one is named. */
export async function dinsos(h: H, role: 'dinsos_desk' | 'dinsos_section', section?: string) {
  const s = await h().staff(role, 'DINSOS');
  if (section) await place(h, s.userId, { section });
  return s;
}

export async function operator(h: H, kelurahanCode: string) {
  const s = await h().staff('kelurahan_operator');
  await place(h, s.userId, { kelurahanCode });
  return s;
}

async function place(h: H, userId: string, body: Record<string, string>) {
  const admin = await h().staff('super_admin');
  const res = await h().call('PUT', `/api/v1/kemiskinan/staff/${userId}/scope`, { token: admin.token, body });
  if (res.status !== 200) throw new Error(`scope failed: ${res.text}`);
}

export interface Household {
  kk: string;
  members: { nik: string; name: string; relation: 'kepala' | 'istri_suami' | 'anak' | 'lainnya' }[];
}

export function household(headNik = dumaiNik(), headName = 'Ahmad Yani'): Household {
  return {
    kk: kkNumber(),
    members: [
      { nik: headNik, name: headName, relation: 'kepala' },
      { nik: dumaiNik(), name: 'Siti Rahmah', relation: 'istri_suami' },
    ],
  };
}

export const complaintBody = (hh: Household, overrides: Record<string, unknown> = {}) => ({
  household: { kk: hh.kk, address: 'Jl. Sultan Hasanuddin Gg. Nelayan No. 7', kelurahanCode: BAGAN_KELADI, rt: '3', rw: '2', members: hh.members },
  needCategory: 'sosial_ekonomi',
  needType: 'bpnt_sembako',
  description: 'Suami sakit dan tidak bekerja sejak tiga bulan, kebutuhan pangan tidak tercukupi.',
  ...overrides,
});

export const REGISTER_HEADER = 'nik,kk,nama,alamat,kelurahan,desil,program,periode';

/** Register lines for households: every member, decile 2, PKH and BPNT. */
export const registerLines = (households: Household[], period: string, kelurahan = BAGAN_KELADI) =>
  households.flatMap((hh) => hh.members.map((m) => `${m.nik},${hh.kk},${m.name},"Jl. Nelayan, RT 003",${kelurahan},2,PKH;BPNT,${period}`));

/** Uploads a register CSV as the desk, runs the queue as the background job would, returns the import. */
export async function importRegister(h: H, deskToken: string, period: string, csv: string) {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), `dtsen-${period}.csv`);
  const up = await h().call('POST', `/api/v1/kemiskinan/register/imports?period=${period}`, { token: deskToken, raw: form });
  if (up.status !== 202) return up;
  await processQueuedImports(h().ctx);
  return h().call('GET', `/api/v1/kemiskinan/register/imports/${up.body.id}`, { token: deskToken });
}

export const step = (h: H, token: string, tn: string, path: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  h().call('POST', `/api/v1/kemiskinan/complaints/${tn}/${path}`, { token, body, headers });

export const CHECKLIST = {
  floor: 'tanah',
  wall: 'papan',
  roof: 'seng_bocor',
  water: 'sumur',
  electricity: 'menumpang',
  toilet: 'bersama',
  cookingFuel: 'kayu',
  meals: 2,
  earners: 0,
  sickOrDisabled: true,
  childrenOutOfSchool: false,
};
