/**
 * Demo residents who file the reports. They register through the real `registerCitizen`, so each
 * needs a NIK that passes the resident check: 1472 + kecamatan 01..07 + birth date DDMMYY (women:
 * day + 40) + a serial other than 0000.
 */
import { inArray } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { normalizePhone, registerCitizen } from '../core/auth/service.js';
import { users } from '../core/auth/schema.js';
import { DEMO_CITIZEN_EMAIL } from '../core/module.js';
import { newPassword } from './accounts.js';
import type { Random } from '../core/demo/random.js';

type Sex = 'L' | 'P';

/** Names as common in Dumai: Malay, Minang, Javanese, Batak and Chinese-Indonesian families. */
const RESIDENTS: readonly [string, Sex][] = [
  ['Muhammad Rizki', 'L'], ['Nurhayati', 'P'], ['Syafrizal', 'L'], ['Dewi Anggraini', 'P'], ['Budi Santoso', 'L'],
  ['Fitri Handayani', 'P'], ['Hendra Gunawan Siregar', 'L'], ['Yusniar', 'P'], ['Zulkifli', 'L'], ['Sri Rahayu', 'P'],
  ['Andi Saputra', 'L'], ['Nur Aisyah', 'P'], ['Rudi Hartono Simanjuntak', 'L'], ['Putri Ramadhani', 'P'], ['Hasan Basri', 'L'],
  ['Jumiati', 'P'], ['Firdaus', 'L'], ['Desi Ratnasari', 'P'], ['Ahmad Fauzi', 'L'], ['Linda Wati', 'P'],
  ['Doni Pratama', 'L'], ['Erni Susanti', 'P'], ['Teguh Wibowo', 'L'], ['Maria Sitompul', 'P'], ['Irwan Syahputra', 'L'],
  ['Wulan Sari', 'P'], ['Joko Susilo', 'L'], ['Rosmawati Nasution', 'P'], ['Kevin Tanjaya', 'L'], ['Yuli Astuti', 'P'],
];

/** The resident whose password the demo prints: log in as them to confirm, rate or withdraw a report. */
const DEMO_RESIDENT: [string, Sex] = ['Siti Rahmawati', 'P'];
export { DEMO_CITIZEN_EMAIL };

/** Mobile prefixes of the operators people in Riau use. */
const PHONE_PREFIXES = ['0811', '0812', '0813', '0821', '0822', '0852', '0853', '0857', '0858', '0878', '0896', '0831'];

interface Resident {
  fullName: string;
  nik: string;
  phone: string;
  email?: string;
}

function nikFor(rand: Random, sex: Sex, serial: number): string {
  const kecamatan = String(rand.int(1, 7)).padStart(2, '0');
  const day = rand.int(1, 28) + (sex === 'P' ? 40 : 0);
  const month = rand.int(1, 12);
  const year = rand.int(1962, 2004) % 100;
  const ddmmyy = [day, month, year].map((n) => String(n).padStart(2, '0')).join('');
  return `1472${kecamatan}${ddmmyy}${String(serial).padStart(4, '0')}`;
}

/** Serials from 9001 up are rarely issued, so a demo NIK is unlikely to be a real person's. */
function residents(rand: Random): Resident[] {
  return [DEMO_RESIDENT, ...RESIDENTS].map(([fullName, sex], i) => ({
    fullName,
    nik: nikFor(rand, sex, 9001 + i),
    phone: `${rand.pick(PHONE_PREFIXES)}${String(rand.int(0, 99_999_999)).padStart(8, '0')}`,
    ...(i === 0 ? { email: DEMO_CITIZEN_EMAIL } : {}),
  }));
}

/**
 * Registers the residents not registered yet and returns them all as principals, the demo citizen
 * first, with the moment the demo citizen registered. The other residents' passwords are thrown
 * away: nobody logs in as them.
 */
export async function ensureCitizens(
  ctx: AppContext,
  rand: Random,
  demoCitizenPassword: string,
): Promise<{ residents: Principal[]; registeredAt: Date }> {
  const people = residents(rand);
  const phones = people.map((p) => normalizePhone(p.phone));
  const registered = new Set(
    (await ctx.db.select({ phone: users.phone }).from(users).where(inArray(users.phone, phones))).map((u) => u.phone),
  );
  for (const [i, p] of people.entries()) {
    if (registered.has(phones[i]!)) continue;
    await registerCitizen(ctx, { ...p, password: i === 0 ? demoCitizenPassword : newPassword() });
  }
  const rows = await ctx.db
    .select({ userId: users.id, role: users.role, opdId: users.opdId, fullName: users.fullName, phone: users.phone, createdAt: users.createdAt })
    .from(users)
    .where(inArray(users.phone, phones));
  const byPhone = new Map(rows.map((r) => [r.phone, r]));
  const found = phones.map((phone) => {
    const r = byPhone.get(phone);
    if (!r) throw new Error(`demo resident ${phone} missing`);
    return r;
  });
  return {
    residents: found.map(({ userId, role, opdId, fullName }) => ({ userId, role, opdId, fullName })),
    registeredAt: found[0]!.createdAt,
  };
}
