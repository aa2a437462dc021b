/**
 * The demo's staff: one account per desk a newcomer should try. Passwords are random per
 * installation (a demo reachable on a network must not open with a published password) and kept
 * in `<dataDir>/demo-accounts.json`, readable by the owner only, so later starts can print them again.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { createStaff } from '../core/auth/service.js';
import { users, type Role } from '../core/auth/schema.js';
import { opds } from '../core/reference/schema.js';

export interface DemoAccount {
  role: string;
  email: string;
  password: string;
  description: string;
}

// A reserved domain (RFC 2606): with SMTP configured in demo mode, nothing reaches a real mailbox.
export const DEMO_DOMAIN = 'dumai.demo.invalid';

interface StaffSpec {
  role: Exclude<Role, 'citizen'>;
  email: string;
  fullName: string;
  opd: string | null;
  description: string;
}

const at = (local: string) => `${local}@${DEMO_DOMAIN}`;

/**
 * Besides the desks every demo needs, each OPD that receives dispositions has an officer, so that
 * no category's reports are stuck for want of someone to accept them.
 */
export const STAFF: readonly StaffSpec[] = [
  { role: 'super_admin', email: at('admin'), fullName: 'Fadli Rahman, S.Kom.', opd: null, description: 'Super admin: users, OPDs, categories, reference data' },
  { role: 'triage_admin', email: at('triage'), fullName: 'Nurul Hidayah, S.Kom.', opd: 'DISKOMINFOTIKSAN', description: 'Triage desk (Diskominfotiksan): verifies and dispositions every aduan' },
  { role: 'opd_admin', email: at('pupr.admin'), fullName: 'Ir. Syahrial Efendi', opd: 'PUPR', description: 'OPD admin, Dinas PUPR (Bina Marga): accepts and routes its dispositions' },
  { role: 'opd_officer', email: at('pupr'), fullName: 'Rahmat Hidayat, S.T.', opd: 'PUPR', description: 'OPD officer, Dinas PUPR: road repairs' },
  { role: 'opd_officer', email: at('perkim'), fullName: 'Dedi Kurniawan, S.T.', opd: 'PERKIM', description: 'OPD officer, Dinas Perkim: drainage, housing-area roads' },
  { role: 'opd_officer', email: at('dlh'), fullName: 'Yusnita Sari, S.Si.', opd: 'DLH', description: 'OPD officer, Dinas LH: rubbish, pollution' },
  { role: 'opd_officer', email: at('dinkes'), fullName: 'dr. Rina Marlina', opd: 'DINKES', description: 'OPD officer, Dinas Kesehatan: puskesmas, dengue fogging' },
  { role: 'opd_officer', email: at('dinsos'), fullName: 'Hendra Saputra, S.Sos.', opd: 'DINSOS', description: 'OPD officer, Dinas Sosial: social assistance' },
  { role: 'opd_officer', email: at('disdik'), fullName: 'Sri Wahyuni, S.Pd.', opd: 'DISDIK', description: 'OPD officer, Dinas Pendidikan: schools, admissions' },
  { role: 'opd_officer', email: at('dishub'), fullName: 'Agus Salim, A.Md.', opd: 'DISHUB', description: 'OPD officer, Dinas Perhubungan: street lights, traffic (often late)' },
  { role: 'opd_officer', email: at('satpolpp'), fullName: 'Zulkarnain', opd: 'SATPOLPP', description: 'OPD officer, Satpol PP: public order, street vendors' },
  { role: 'opd_officer', email: at('disdukcapil'), fullName: 'Melati Putri, S.H.', opd: 'DISDUKCAPIL', description: 'OPD officer, Disdukcapil: KTP, KK' },
  { role: 'opd_officer', email: at('dispar'), fullName: 'Teguh Prasetyo, S.Par.', opd: 'DISPAR', description: 'OPD officer, Dinas Pariwisata: tourist sites' },
  { role: 'opd_officer', email: at('kominfo'), fullName: 'Ilham Akbar, S.Kom.', opd: 'DISKOMINFOTIKSAN', description: 'OPD officer, Diskominfotiksan: public information, public wifi' },
  { role: 'dinsos_desk', email: at('dinsos.data'), fullName: 'Yulia Fitri, S.Sos.', opd: 'DINSOS', description: 'Dinas Sosial, Seksi Data, Pelaporan dan Pengaduan: verifies and routes poverty complaints, imports DTSEN' },
  { role: 'dinsos_section', email: at('dinsos.sosek'), fullName: 'Rudi Hartono, S.E.', opd: 'DINSOS', description: 'Dinas Sosial, Seksi Sosial Ekonomi: PKH, sembako, cash aid, housing repair' },
  { role: 'dinsos_section', email: at('dinsos.kesehatan'), fullName: 'Ns. Wulan Sari', opd: 'DINSOS', description: 'Dinas Sosial, Seksi Kesehatan: KIS/PBI-JK, medical costs' },
  { role: 'dinsos_section', email: at('dinsos.pendidikan'), fullName: 'Erwin Syah, S.Pd.', opd: 'DINSOS', description: 'Dinas Sosial, Seksi Pendidikan: KIP/PIP, school fees' },
  { role: 'volunteer', email: at('relawan'), fullName: 'Dewi Anggraini', opd: 'DINSOS', description: 'Relawan pendamping: home visits from the phone (works offline)' },
  { role: 'kelurahan_operator', email: at('kel.bagankeladi'), fullName: 'Syafrizal', opd: null, description: 'Operator Kelurahan Bagan Keladi: files for residents, musyawarah kelurahan' },
  { role: 'executive', email: at('walikota'), fullName: 'Wali Kota Dumai (demo)', opd: null, description: 'Executive (Wali Kota): every dashboard, read-only' },
  { role: 'auditor', email: at('auditor'), fullName: 'Inspektorat Kota Dumai (demo)', opd: null, description: 'Auditor (Inspektorat): reads reports and the audit log' },
];

export const newPassword = (): string => crypto.randomBytes(12).toString('base64url');

export function loadAccounts(file: string): DemoAccount[] | undefined {
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DemoAccount[];
}

/** Through a rename: a crash mid-write never leaves a truncated file. */
export function saveAccounts(file: string, accounts: DemoAccount[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** The staff who act in the demo's reports. */
export interface Crew {
  triage: Principal;
  /** Who takes an OPD's step: its admin receives and routes, its officer reports the work done. */
  opd(code: string, as: 'admin' | 'officer'): Principal;
}

/** Creates the staff accounts that do not exist yet; `password` gives each one's from the accounts file. */
export async function ensureStaff(ctx: AppContext, password: (email: string) => string): Promise<Crew> {
  const opdIds = new Map((await ctx.db.select({ id: opds.id, code: opds.code }).from(opds)).map((o) => [o.code, o.id]));
  const emails = STAFF.map((s) => s.email);
  const existing = new Set((await ctx.db.select({ email: users.email }).from(users).where(inArray(users.email, emails))).map((u) => u.email));
  for (const s of STAFF.filter((x) => !existing.has(x.email))) {
    const opdId = s.opd === null ? null : opdIds.get(s.opd);
    if (opdId === undefined) throw new Error(`demo staff ${s.email} names unknown OPD ${s.opd}`);
    await createStaff(ctx, { fullName: s.fullName, email: s.email, role: s.role, opdId, password: password(s.email) });
  }
  const rows = await ctx.db
    .select({ userId: users.id, role: users.role, opdId: users.opdId, fullName: users.fullName, email: users.email })
    .from(users)
    .where(inArray(users.email, emails));
  const byEmail = new Map(rows.map(({ email, ...p }) => [email, p satisfies Principal]));
  const principal = (email: string): Principal => {
    const p = byEmail.get(email);
    if (!p) throw new Error(`demo staff ${email} missing`);
    return p;
  };
  return {
    triage: principal(at('triage')),
    opd(code, as) {
      const ofOpd = STAFF.filter((s) => s.opd === code && (s.role === 'opd_admin' || s.role === 'opd_officer'));
      const spec = ofOpd.find((s) => s.role === (as === 'admin' ? 'opd_admin' : 'opd_officer')) ?? ofOpd[0];
      if (!spec) throw new Error(`no demo staff in OPD ${code}`);
      return principal(spec.email);
    },
  };
}

export const staffAccounts = (): DemoAccount[] =>
  STAFF.map((s) => ({ role: s.role, email: s.email, password: newPassword(), description: s.description }));
