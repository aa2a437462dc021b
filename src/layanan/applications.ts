/**
 * Filing an application: online by a citizen (or a business's representative) with their account,
 * by OPD staff for an internal service, or at the counter by an officer of the service's OPD for a
 * walk-in, recorded as assisted. Every application starts as a draft on the service's current
 * version; it is submitted once its answer and requirements are complete (at once, when filed so).
 * A filing is checked and prepared first (reads only), then numbered and written in one statement,
 * so that filings arriving together can be written together (filing-desk.ts).
 */
import type { SQL } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import { AppError, conflict, forbidden, notFound, type FieldError } from '../core/errors.js';
import { auditInsert } from '../core/audit/audit.js';
import { maskNik, parseNik } from '../core/nik/nik.js';
import { wibDate } from '../core/calendar/working-days.js';
import { DESK_ROLES, actorsFor, audienceFor, type Audience } from './access.js';
import { answersProblem, checkedAnswers, validateAnswers, type Answers } from './form/validate.js';
import { mapNiks } from './form/niks.js';
import { holdingsOf, type Holdings } from './holdings.js';
import { lifecycle, type ApplicationStatus } from './lifecycle.js';
import { deliveryOf } from './webhooks.js';
import { APPLICATION, SERVICE } from './messages.js';
import * as q from './queries.js';

export interface WalkInApplicant {
  fullName: string;
  nik: string;
  phone?: string | undefined;
  email?: string | undefined;
}

export interface FilingInput {
  serviceCode: string;
  answers?: Answers | undefined;
  /** Counter mode: the walk-in applicant an officer of the service's OPD files for. */
  applicant?: WalkInApplicant | undefined;
}

/** The answer as stored (NIKs encrypted) and as the form reads it (NIKs open). */
const sealAnswers = (ctx: AppContext, v: q.VersionRow, answers: Answers) => mapNiks(v.form.fields, answers, (n) => ctx.cipher.encrypt(n));
export const openAnswers = (ctx: AppContext, v: q.VersionRow, answers: Answers) => mapNiks(v.form.fields, answers, (t) => ctx.cipher.decrypt(t));

const serviceClosed = () => conflict('service_closed', 'Layanan ini sedang tidak menerima permohonan.', 'This service is not taking applications now.', 'serviceCode');

function walkInNik(raw: string, at: Date): string {
  try {
    return parseNik(raw, { today: at }).nik;
  } catch (e) {
    // The check names its field `nik`; here it is the walk-in applicant's.
    if (e instanceof AppError) throw new AppError(e.status, e.code, e.messages, { field: 'applicant.nik' });
    throw e;
  }
}

/** Who the applicant is, by the filer (and their account) and the service's audience; refuses a filer the service is not for. */
async function applicantOf(ctx: AppContext, db: Db, p: Principal, account: q.FilerAccount | null, service: q.Service, walkIn: WalkInApplicant | undefined, at: Date) {
  if (walkIn) {
    if (!DESK_ROLES.includes(p.role) || p.opdId !== service.opdId) throw forbidden();
    if (service.audience === 'opd') throw conflict('counter_not_internal', 'Layanan internal OPD tidak diajukan lewat loket.', 'An internal service is not filed at the counter.', 'applicant');
    // Any Indonesian NIK: a newcomer's is another city's.
    const nik = walkInNik(walkIn.nik, at);
    return {
      channel: 'counter' as const,
      assistedById: p.userId,
      applicantId: await q.citizenByNikHash(db, ctx.cipher.keyedHash(nik)),
      applicantOpdId: null,
      applicantName: walkIn.fullName.trim(),
      nikEncrypted: ctx.cipher.encrypt(nik),
      nikMasked: maskNik(nik),
      phone: walkIn.phone?.trim() || null,
      email: walkIn.email?.trim().toLowerCase() || null,
    };
  }
  if (service.audience === 'opd') {
    if (p.role === 'citizen' || p.opdId === null) {
      throw new AppError(403, 'internal_service', { id: 'Layanan ini hanya untuk pegawai OPD.', en: 'This service is for OPD staff only.' }, { field: 'serviceCode' });
    }
    return { channel: 'online' as const, assistedById: null, applicantId: p.userId, applicantOpdId: p.opdId, applicantName: p.fullName, nikEncrypted: null, nikMasked: null, phone: null, email: null };
  }
  if (p.role !== 'citizen') {
    throw new AppError(403, 'citizen_service', { id: 'Layanan ini diajukan oleh warga dengan akunnya, atau oleh petugas loket untuk warga.', en: 'This service is applied for by residents with their account, or by counter staff for them.' }, { field: 'serviceCode' });
  }
  return {
    channel: 'online' as const,
    assistedById: null,
    applicantId: p.userId,
    applicantOpdId: null,
    applicantName: p.fullName,
    nikEncrypted: account?.nikEncrypted ?? null,
    nikMasked: account?.nikMasked ?? null,
    phone: account?.phone ?? null,
    email: account?.email ?? null,
  };
}

/** Reads what a filing is checked against (filing-desk.ts reads those that arrive together at once). */
export type ToFileReader = (filing: { code: string; filerId: string; filerOpdId: number | null }) => Promise<q.ToFile | undefined>;

export interface FilingRequest extends FilingInput {
  /** Submitted at once: the answer must be complete and no requirement left to upload. */
  submit?: boolean | undefined;
}

/** A checked filing, ready to be numbered and written; nothing of it is written yet. */
export interface Prepared {
  filer: Principal;
  at: Date;
  service: q.Service;
  version: q.VersionRow;
  submit: boolean;
  /** The application's row as it will be written, but its id and number. */
  values: Omit<q.ApplicationRow, 'id' | 'number'>;
  /** Its first timeline events: created, and submitted when filed so. */
  events: q.EventValues[];
  /** What the platform already holds for it (requirements met by data). */
  holdings: Holdings;
  /** How the filer sees what they filed (a desk's look at the applicant is audited). */
  audience: Audience;
  /** The service's OPD and the filer's, as the answer names them. */
  opds: q.Opds;
}
export type Numbered = Prepared & { number: string };
export interface Filed extends Numbered {
  row: q.ApplicationRow;
}

/**
 * Checks a filing on the service's current version and prepares its rows; nothing is written. A
 * draft's answer is checked for types; a filing submitted at once also for completeness, with the
 * step's and the service's deadlines from now (as `act('submit')` takes a draft on).
 */
export async function prepareFiling(ctx: AppContext, db: Db, p: Principal, input: FilingRequest, at = ctx.clock(), read: ToFileReader = (f) => q.servicesToFile(db, [f]).then(([one]) => one)): Promise<Prepared> {
  const found = await read({ code: input.serviceCode, filerId: p.userId, filerOpdId: p.opdId });
  if (!found?.version) throw notFound(SERVICE);
  const { service, version, account, opds } = found;
  if (service.closedAt) throw serviceClosed();
  const who = await applicantOf(ctx, db, p, account, service, input.applicant, at);
  const answers = checkedAnswers(version.form, input.answers ?? {}, { mode: 'draft', files: new Set(), today: wibDate(at) });
  const sealed = sealAnswers(ctx, version, answers);
  const holdings = await holdingsOf(ctx, db, { ...who, answers: sealed }, version);
  const submit = input.submit ?? false;
  const events: q.EventValues[] = [{ at, actorId: p.userId, actorRole: p.role, action: 'create', toStatus: 'draft', detail: { channel: who.channel } }];
  let status: ApplicationStatus = 'draft';
  let deadlines = { submittedAt: null as Date | null, stepDueAt: null as Date | null, dueAt: null as Date | null };
  if (submit) {
    // Nothing is uploaded yet: only data the platform holds can meet a requirement.
    requireComplete(version, answers, new Set(), holdings.met, at);
    status = lifecycle.next('submit', 'draft', 'applicant');
    deadlines = { submittedAt: at, stepDueAt: await ctx.calendar.deadline(db, at, version.steps[0]!.workingDays), dueAt: await ctx.calendar.deadline(db, at, service.standardDays) };
    events.push({ at, actorId: p.userId, actorRole: p.role, action: 'submit', fromStatus: 'draft', toStatus: status });
  }
  const values: Prepared['values'] = {
    serviceId: service.id,
    versionId: version.id,
    opdId: service.opdId,
    ...who,
    answers: sealed,
    status,
    stepIndex: 0,
    ...deadlines,
    correction: null,
    decidedAt: null,
    issuedAt: null,
    signedDocumentId: null,
    documentNumber: null,
    createdAt: at,
    updatedAt: at,
  };
  const audience = audienceFor(p, values)!;
  return { filer: p, at, service, version, submit, values, events, holdings, audience, opds };
}

const serialsOf = new WeakMap<AppContext, ReturnType<typeof q.applicationSerials>>();

/** Application numbers for prepared filings (DMI-LYN-2026-000123). */
export async function numberFilings(ctx: AppContext, db: Db, prepared: readonly Prepared[]): Promise<Numbered[]> {
  let take = serialsOf.get(ctx);
  if (!take) serialsOf.set(ctx, (take = q.applicationSerials()));
  const serials = await take(db, prepared.length);
  return prepared.map((f, i) => ({ ...f, number: `${ctx.config.city.trackingPrefix}-LYN-${wibDate(f.at).slice(0, 4)}-${serials[i]!.padStart(6, '0')}` }));
}

/**
 * Writes numbered filings in one statement: the applications, their timeline events, the audit
 * lines, the webhook deliveries of those submitted, and the caller's `alongside` (idempotency
 * claims, the desk's view of the applicant).
 */
export async function writeFilings(db: Db, numbered: readonly Numbered[], alongside: readonly SQL[] = []): Promise<Filed[]> {
  if (!numbered.length) return [];
  const lines = numbered.flatMap((f) => [
    { actor: f.filer, entry: { action: 'layanan.create', entity: 'layanan_application', entityId: f.number, detail: { service: f.service.code, channel: f.values.channel } }, at: f.at },
    ...(f.submit ? [{ actor: f.filer, entry: { action: 'layanan.submit', entity: 'layanan_application', entityId: f.number, detail: { step: f.version.steps[0]!.key } }, at: f.at }] : []),
  ]);
  const deliveries = numbered.flatMap((f) => (f.submit ? [deliveryOf('submit', { ...f.values, number: f.number }, f.service, f.version.steps, f.at)!] : []));
  const rows = await q.insertApplications(
    db,
    numbered.map((f) => ({ ...f.values, number: f.number })),
    numbered.flatMap((f) => f.events.map((e) => ({ ...e, number: f.number }))),
    [...alongside, auditInsert(lines), ...(deliveries.length ? [q.deliveriesInsert(deliveries)] : [])],
  );
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  return numbered.map((f) => ({ ...f, row: byNumber.get(f.number)! }));
}

/** Files one application in the caller's transaction (demo data, a retried key): checked, numbered, written. */
export async function fileApplication(ctx: AppContext, tx: Db, p: Principal, input: FilingRequest, at = ctx.clock()): Promise<Filed> {
  const prepared = await prepareFiling(ctx, tx, p, input, at);
  const [filed] = await writeFilings(tx, await numberFilings(ctx, tx, [prepared]));
  return filed!;
}

/** An application and its version, locked, for a caller playing the applicant; 404 for anyone with no part in it. */
export async function asApplicant(tx: Db, p: Principal, number: string) {
  const row = await q.findApplication(tx, number, true);
  const version = row ? await q.versionById(tx, row.versionId) : undefined;
  if (!row || !version || !actorsFor(p, { ...row, step: version.steps[row.stepIndex] }).includes('applicant')) throw notFound(APPLICATION);
  return { row, version };
}

/** Saves the answer of a draft, or of an application sent back for correction (checked for types; completeness at submission). */
export async function saveAnswers(ctx: AppContext, tx: Db, p: Principal, number: string, answers: Answers, at = ctx.clock()): Promise<void> {
  const { row, version } = await asApplicant(tx, p, number);
  if (row.status !== 'draft' && row.status !== 'correction_requested') {
    throw conflict('not_editable', 'Isian hanya dapat diubah selama draf atau saat diminta perbaikan.', 'Answers can be changed only in a draft or when a correction is asked for.', 'status');
  }
  const cleaned = checkedAnswers(version.form, answers, { mode: 'draft', files: new Set(), today: wibDate(at) });
  await q.updateApplication(tx, row.id, { answers: sealAnswers(ctx, version, cleaned), updatedAt: at });
}

/**
 * The checks of a submission (or resubmission): the whole answer against the form, and every
 * required requirement uploaded unless data the platform holds satisfies it (holdings.ts). One 422 names every
 * field and requirement missing.
 */
export async function checkComplete(ctx: AppContext, tx: Db, row: q.ApplicationRow, version: q.VersionRow, at: Date): Promise<Answers> {
  const uploaded = new Set((await q.filesOf(tx, row.id)).map((f) => f.key));
  const { met } = await holdingsOf(ctx, tx, row, version);
  return requireComplete(version, openAnswers(ctx, version, row.answers), uploaded, met, at);
}

/** The answer (open) complete, with the requirements uploaded or met by data; else one 422 naming everything missing. */
function requireComplete(version: q.VersionRow, open: Answers, uploaded: ReadonlySet<string>, met: ReadonlySet<string>, at: Date): Answers {
  const { answers, errors } = validateAnswers(version.form, open, { mode: 'submit', files: uploaded, today: wibDate(at) });
  const missing: FieldError[] = version.requirements
    .filter((r) => r.required && !uploaded.has(r.key) && !met.has(r.key))
    .map((r) => ({ field: `requirements.${r.key}`, code: 'requirement_missing', message: { id: `Unggah persyaratan: ${r.label.id}.`, en: `Upload the requirement: ${r.label.en}.` } }));
  if (errors.length) {
    const problem = answersProblem(errors);
    throw new AppError(422, problem.code, problem.messages, { field: problem.field!, errors: [...problem.errors!, ...missing] });
  }
  if (missing.length) {
    throw new AppError(422, 'requirement_missing', { id: `Persyaratan belum lengkap: ${missing[0]!.message.id}`, en: `Requirements incomplete: ${missing[0]!.message.en}` }, { field: missing[0]!.field, errors: missing });
  }
  return answers;
}
