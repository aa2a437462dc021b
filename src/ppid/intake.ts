/**
 * Filing an information request: online by anyone (an account is optional) or entered by a PPID
 * officer for a walk-in, phone, letter or email request. The requester gets the registration number,
 * the deadlines and a secret link to follow the request at once; the identity number is stored
 * encrypted and shown masked.
 */
import crypto from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import { addressedEmailsInsert } from '../core/notifications/outbox.js';
import { receivedNotice, secretLinkOf } from './messages.js';
import { auditInsert } from '../core/audit/audit.js';
import { AppError, invalid } from '../core/errors.js';
import { maskNik, parseNik } from '../core/nik/nik.js';
import { wibDate } from '../core/calendar/working-days.js';
import { DESK_ROLES } from './access.js';
import { DEADLINES, type CHANNELS, type DELIVERY_METHODS, type IDENTITY_TYPES, type OBTAIN_METHODS } from './lifecycle.js';
import type { ppidRequests } from './schema.js';
import * as q from './queries.js';

export interface RequestInput {
  identityType: (typeof IDENTITY_TYPES)[number];
  identityNumber: string;
  fullName: string;
  entityName?: string | undefined;
  address: string;
  email?: string | undefined;
  phone?: string | undefined;
  onBehalfOf?: string | undefined;
  information: string;
  purpose: string;
  obtainMethod: (typeof OBTAIN_METHODS)[number];
  deliveryMethod: (typeof DELIVERY_METHODS)[number];
  publicConsent?: boolean | undefined;
  /** Set by an officer entering a request received another way; the web form is `web`. */
  channel?: (typeof CHANNELS)[number] | undefined;
}

export const tokenHashOf = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

/** The identity number as stored: checked for its kind, then encrypted and masked. */
function identity(ctx: AppContext, input: RequestInput, at: Date): { plain: string; masked: string } {
  const raw = input.identityNumber.replace(/\s+/g, '').toUpperCase();
  if (input.identityType === 'nik') {
    // Any Indonesian NIK: a request is not limited to the city's residents.
    try {
      const nik = parseNik(raw, { today: at }).nik;
      return { plain: nik, masked: maskNik(nik) };
    } catch (e) {
      // The check names its field `nik`; here the field is the identity number.
      if (e instanceof AppError) throw new AppError(e.status, e.code, e.messages, { field: 'identityNumber' });
      throw e;
    }
  }
  if (input.identityType === 'passport' && !/^[A-Z0-9]{6,12}$/.test(raw)) {
    throw invalid('passport_format', 'Nomor paspor terdiri dari 6–12 huruf atau angka.', 'A passport number has 6–12 letters or digits.', 'identityNumber');
  }
  if (input.identityType === 'entity' && !/^[A-Z0-9./-]{3,60}$/.test(raw)) {
    throw invalid('entity_number_format', 'Nomor akta/SK badan hukum tidak valid.', 'The entity’s deed or decree number is not valid.', 'identityNumber');
  }
  return { plain: raw, masked: `${raw.slice(0, 2)}${'*'.repeat(Math.max(raw.length - 4, 1))}${raw.slice(-2)}` };
}

function checkShape(input: RequestInput): void {
  if (input.identityType === 'entity' && !input.entityName?.trim()) {
    throw invalid('field_required', 'Nama badan hukum wajib diisi.', 'The legal entity’s name is required.', 'entityName');
  }
  if (input.deliveryMethod === 'email' && !input.email) {
    throw invalid('field_required', 'Alamat email wajib diisi untuk pengiriman lewat email.', 'An email address is needed for delivery by email.', 'email');
  }
  if (!input.email && !input.phone) {
    throw invalid('contact_required', 'Isi email atau nomor telepon agar PPID dapat menghubungi Anda.', 'Give an email address or a phone number so the PPID can reach you.', 'email');
  }
}

/** A checked request, ready to be numbered and written; `token` is its secret link's key. */
export interface Prepared {
  values: Omit<typeof ppidRequests.$inferInsert, 'registrationNumber'>;
  token: string;
  filer: Principal | null;
  at: Date;
}
export type Numbered = Prepared & { registrationNumber: string };

/** Checks a filing and prepares its row; nothing is written. */
export async function prepareRequest(ctx: AppContext, db: Db, filer: Principal | null, input: RequestInput, at = ctx.clock()): Promise<Prepared> {
  checkShape(input);
  const atDesk = filer !== null && DESK_ROLES.includes(filer.role);
  const channel = atDesk ? (input.channel ?? 'walk_in') : 'web';
  if (!atDesk && input.channel && input.channel !== 'web') {
    throw invalid('channel_desk_only', 'Hanya petugas PPID yang mencatat permohonan dari loket, telepon, surat atau email.', 'Only PPID officers record requests received at the desk, by phone, letter or email.', 'channel');
  }
  const id = identity(ctx, input, at);
  const token = crypto.randomBytes(24).toString('base64url');
  const values = {
    requesterId: atDesk ? null : (filer?.userId ?? null),
    identityType: input.identityType,
    identityEncrypted: ctx.cipher.encrypt(id.plain),
    identityMasked: id.masked,
    fullName: input.fullName.trim(),
    entityName: input.entityName?.trim() || null,
    address: input.address.trim(),
    email: input.email?.trim().toLowerCase() || null,
    phone: input.phone?.trim() || null,
    onBehalfOf: input.onBehalfOf?.trim() || null,
    information: input.information.trim(),
    purpose: input.purpose.trim(),
    obtainMethod: input.obtainMethod,
    deliveryMethod: input.deliveryMethod,
    channel,
    recordedById: atDesk ? filer.userId : null,
    publicConsent: input.publicConsent ?? true,
    status: 'submitted' as const,
    tokenHash: tokenHashOf(token),
    createdAt: at,
    updatedAt: at,
    receivedAt: at,
    verifyDueAt: await ctx.calendar.deadline(db, at, DEADLINES.verifyWorkingDays),
    answerDueAt: await ctx.calendar.deadline(db, at, DEADLINES.answerWorkingDays),
  };
  return { values, token, filer, at };
}

const serialsOf = new WeakMap<AppContext, ReturnType<typeof q.registrationSerials>>();

/** Registration numbers for prepared requests (DMI-PPID-2026-000123). */
export async function numberRequests(ctx: AppContext, db: Db, prepared: readonly Prepared[]): Promise<Numbered[]> {
  let take = serialsOf.get(ctx);
  if (!take) serialsOf.set(ctx, (take = q.registrationSerials()));
  const serials = await take(db, prepared.length);
  return prepared.map((p, i) => ({ ...p, registrationNumber: `${ctx.config.city.trackingPrefix}-PPID-${wibDate(p.at).slice(0, 4)}-${serials[i]!.padStart(6, '0')}` }));
}

/**
 * Writes numbered requests in one statement: the requests, their first timeline events, the audit
 * lines, the receipts e-mailed with the secret link, and the caller's `alongside` (idempotency claims).
 */
export async function writeRequests(ctx: AppContext, db: Db, numbered: readonly Numbered[], alongside: readonly SQL[] = []): Promise<q.RequestRow[]> {
  if (!numbered.length) return [];
  const mailed = ctx.config.smtp ? numbered.filter((n) => n.values.email) : [];
  const inserts = [
    ...alongside,
    auditInsert(numbered.map((n) => ({ actor: n.filer, entry: { action: 'ppid.submit', entity: 'ppid_request', entityId: n.registrationNumber, detail: { channel: n.values.channel } }, at: n.at }))),
    ...(mailed.length
      ? [addressedEmailsInsert(mailed.map((n) => ({ address: n.values.email!, notice: receivedNotice(n.registrationNumber, wibDate(n.values.answerDueAt), secretLinkOf(n.registrationNumber, n.token)), at: n.at })))]
      : []),
  ];
  const rows = await q.insertRequests(
    db,
    numbered.map((n) => ({ values: { ...n.values, registrationNumber: n.registrationNumber }, actorId: n.filer?.userId ?? null, actorRole: n.filer?.role ?? 'requester' })),
    inserts,
  );
  const byNumber = new Map(rows.map((r) => [r.registrationNumber, r]));
  return numbered.map((n) => byNumber.get(n.registrationNumber)!);
}

/** Files one request in the caller's transaction (desk entries, demo data, a retried key): checked, numbered, written. */
export async function fileRequest(ctx: AppContext, tx: Db, filer: Principal | null, input: RequestInput, at = ctx.clock()) {
  const prepared = await prepareRequest(ctx, tx, filer, input, at);
  const [row] = await writeRequests(ctx, tx, await numberRequests(ctx, tx, [prepared]));
  return { row: row!, token: prepared.token };
}
