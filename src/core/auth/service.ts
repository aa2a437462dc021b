import { eq, or, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { conflict, invalid, AppError } from '../errors.js';
import { maskNik, parseNik } from '../nik/nik.js';
import { kecamatan } from '../reference/schema.js';
import { audit } from '../audit/audit.js';
import type { Principal } from './principal.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.js';
import { createSession, revokeAllSessions } from './sessions.js';
import { users, type Role } from './schema.js';

const MAX_FAILED_LOGINS = 5;
const LOCK_MS = 15 * 60_000;

/** 08xx / 628xx / +628xx → +628xx, the one form stored, so the same phone is never two accounts. */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/[\s\-().]/g, '');
  const national = digits.replace(/^\+?62/, '0');
  if (!/^08\d{7,12}$/.test(national)) {
    throw invalid('phone_format', 'Nomor HP tidak valid (contoh: 0812xxxxxxx).', 'Invalid mobile number (e.g. 0812xxxxxxx).', 'phone');
  }
  return `+62${national.slice(1)}`;
}

const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export interface RegisterInput {
  nik: string;
  fullName: string;
  email?: string | undefined;
  phone?: string | undefined;
  password: string;
}

export async function registerCitizen(ctx: AppContext, input: RegisterInput, ip?: string) {
  const kecamatanCodes = new Set(
    (await ctx.db.select({ code: kecamatan.code }).from(kecamatan).where(eq(kecamatan.cityCode, ctx.config.city.code))).map(
      (k) => k.code.slice(-2),
    ),
  );
  const nik = parseNik(input.nik, { cityPrefix: ctx.config.city.nikPrefix, kecamatanCodes, today: ctx.clock() });
  if (!input.email && !input.phone) {
    throw invalid('contact_required', 'Isi email atau nomor HP.', 'Give an email address or a mobile number.', 'email');
  }
  const email = input.email ? normalizeEmail(input.email) : null;
  const phone = input.phone ? normalizePhone(input.phone) : null;
  const nikHash = ctx.cipher.keyedHash(nik.nik);

  const clashes = await ctx.db
    .select({ nikHash: users.nikHash, email: users.email, phone: users.phone })
    .from(users)
    .where(or(eq(users.nikHash, nikHash), email ? eq(users.email, email) : sql`false`, phone ? eq(users.phone, phone) : sql`false`));
  for (const c of clashes) {
    if (c.nikHash === nikHash)
      throw conflict('nik_taken', 'NIK ini sudah terdaftar. Silakan masuk.', 'This NIK is already registered. Please log in.', 'nik');
    if (email && c.email === email)
      throw conflict('email_taken', 'Email ini sudah dipakai akun lain.', 'This email is already used by another account.', 'email');
    if (phone && c.phone === phone)
      throw conflict('phone_taken', 'Nomor HP ini sudah dipakai akun lain.', 'This mobile number is already used by another account.', 'phone');
  }

  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        role: 'citizen',
        fullName: input.fullName.trim(),
        email,
        phone,
        nikEncrypted: ctx.cipher.encrypt(nik.nik),
        nikHash,
        nikMasked: maskNik(nik.nik),
        passwordHash,
        createdAt: ctx.clock(),
      })
      .returning({ id: users.id, role: users.role });
    if (!user) throw new Error('insert returned no row');
    await audit(tx, { userId: user.id, role: 'citizen', opdId: null, fullName: '' }, { action: 'register', entity: 'user', entityId: user.id, ip });
    return user;
  });
}

const badLogin = (): AppError =>
  new AppError(401, 'invalid_credentials', {
    id: 'NIK/email/nomor HP atau kata sandi salah.',
    en: 'Wrong NIK/email/mobile number or password.',
  }, { field: 'password' });

/** Identifier may be an email, a mobile number or (for citizens) the NIK. */
export async function login(ctx: AppContext, identifier: string, password: string, userAgent?: string) {
  const id = identifier.trim();
  const where = /^\d{16}$/.test(id)
    ? eq(users.nikHash, ctx.cipher.keyedHash(id))
    : id.includes('@')
      ? eq(users.email, normalizeEmail(id))
      : eq(users.phone, safePhone(id));
  const [user] = await ctx.db.select().from(users).where(where).limit(1);
  const now = ctx.clock();
  if (!user || !user.passwordHash || user.deletedAt || user.deactivatedAt) {
    await burnPasswordCheck(password);
    throw badLogin();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError(429, 'account_locked', {
      id: 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.',
      en: 'Too many failed log-in attempts. Try again in 15 minutes.',
    }, { field: 'password' });
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failed = user.failedLogins + 1;
    await ctx.db
      .update(users)
      .set(failed >= MAX_FAILED_LOGINS ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MS) } : { failedLogins: failed })
      .where(eq(users.id, user.id));
    throw badLogin();
  }
  if (user.failedLogins > 0 || user.lockedUntil) {
    await ctx.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
  }
  const session = await createSession(ctx.db, user, now, userAgent);
  return { ...session, user };
}

function safePhone(raw: string): string {
  try {
    return normalizePhone(raw);
  } catch {
    return raw;
  }
}

export interface StaffInput {
  fullName: string;
  email: string;
  role: Exclude<Role, 'citizen'>;
  opdId: number | null;
  password: string;
  /** True when the password is a temporary one chosen by an admin. */
  passwordChangeRequired?: boolean;
}

/** `actor` null: created from the command line or by the demo seeder. */
export async function createStaff(ctx: AppContext, input: StaffInput, actor: Principal | null = null) {
  const email = normalizeEmail(input.email);
  const [existing] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw conflict('email_taken', 'Email ini sudah dipakai akun lain.', 'This email is already used by another account.', 'email');
  if ((input.role === 'opd_admin' || input.role === 'opd_officer') && input.opdId === null) {
    throw invalid('opd_required', 'Petugas OPD harus terdaftar pada satu OPD.', 'OPD staff must belong to an OPD.', 'opdId');
  }
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        role: input.role,
        fullName: input.fullName,
        email,
        opdId: input.opdId,
        passwordHash,
        passwordChangeRequired: input.passwordChangeRequired ?? false,
        createdAt: ctx.clock(),
      })
      .returning();
    if (!user) throw new Error('insert returned no row');
    await audit(tx, actor, { action: 'user.create_staff', entity: 'user', entityId: user.id, detail: { role: user.role, opdId: user.opdId } });
    return user;
  });
}

export async function changePassword(ctx: AppContext, userId: string, current: string, next: string) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, current))) {
    throw invalid('wrong_password', 'Kata sandi saat ini salah.', 'Current password is wrong.', 'currentPassword');
  }
  if (next === current) {
    throw invalid('password_unchanged', 'Kata sandi baru harus berbeda dari yang lama.', 'The new password must differ from the current one.', 'newPassword');
  }
  await ctx.db.update(users).set({ passwordHash: await hashPassword(next), passwordChangeRequired: false }).where(eq(users.id, userId));
  await revokeAllSessions(ctx.db, userId);
}
