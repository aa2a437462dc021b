/**
 * Filing an application: online by a citizen (or a business's representative) with their account,
 * by OPD staff for an internal service, or at the counter by an officer of the service's OPD for a
 * walk-in, recorded as assisted. Every application starts as a draft on the service's current
 * version; it is submitted once its answer and requirements are complete.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import { AppError, conflict, forbidden, notFound, type FieldError } from '../core/errors.js';
import { audit } from '../core/audit/audit.js';
import { maskNik, parseNik } from '../core/nik/nik.js';
import { wibDate } from '../core/calendar/working-days.js';
import { DESK_ROLES, actorsFor } from './access.js';
import { answersProblem, checkedAnswers, validateAnswers, type Answers } from './form/validate.js';
import { mapNiks } from './form/niks.js';
import { holdingsOf } from './holdings.js';
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

/** Who the applicant is, by the filer and the service's audience; refuses a filer the service is not for. */
async function applicantOf(ctx: AppContext, db: Db, p: Principal, service: q.Service, walkIn: WalkInApplicant | undefined, at: Date) {
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
  const account = await q.accountNik(db, p.userId);
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

/** Files a draft on the service's current version (its answer checked for types); `submit` follows in the caller. */
export async function fileDraft(ctx: AppContext, tx: Db, p: Principal, input: FilingInput, at = ctx.clock()): Promise<q.ApplicationRow> {
  const service = await q.serviceByCode(tx, input.serviceCode);
  if (!service || service.currentVersion === null) throw notFound(SERVICE);
  if (service.closedAt) throw serviceClosed();
  const version = (await q.versionOf(tx, service.id, service.currentVersion))!;
  const who = await applicantOf(ctx, tx, p, service, input.applicant, at);
  const answers = checkedAnswers(version.form, input.answers ?? {}, { mode: 'draft', files: new Set(), today: wibDate(at) });
  const serial = await q.nextSerial(tx);
  const number = `${ctx.config.city.trackingPrefix}-LYN-${wibDate(at).slice(0, 4)}-${String(serial).padStart(6, '0')}`;
  const row = await q.insertApplication(tx, {
    number,
    serviceId: service.id,
    versionId: version.id,
    opdId: service.opdId,
    ...who,
    answers: sealAnswers(ctx, version, answers),
    status: 'draft',
    createdAt: at,
    updatedAt: at,
  });
  await q.insertEvent(tx, { applicationId: row.id, at, actorId: p.userId, actorRole: p.role, action: 'create', toStatus: 'draft', detail: { channel: who.channel } });
  await audit(tx, p, { action: 'layanan.create', entity: 'layanan_application', entityId: number, detail: { service: service.code, channel: who.channel } }, at);
  return row;
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
  const { answers, errors } = validateAnswers(version.form, openAnswers(ctx, version, row.answers), { mode: 'submit', files: uploaded, today: wibDate(at) });
  const { met } = await holdingsOf(ctx, tx, row, version);
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
