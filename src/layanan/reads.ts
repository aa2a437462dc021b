/** Reading applications: scope first, then the audience's view; every desk view of an applicant's identity is audited. */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { notFound } from '../core/errors.js';
import { signedDocumentPdf } from '../core/signing/index.js';
import { actorsFor, audienceFor, DESK_ROLES, type Audience } from './access.js';
import { openAnswers, type Filed } from './applications.js';
import { holdingsOf, type Holdings } from './holdings.js';
import type { ProcessStep } from './form/definition.js';
import { mapNiks } from './form/niks.js';
import { maskNik } from '../core/nik/nik.js';
import { APPLICATION_ACTIONS, WAITING_ON_OPD, lifecycle, stepTakes, type ApplicationStatus } from './lifecycle.js';
import { APPLICATION, STATUS_LABELS } from './messages.js';
import * as q from './queries.js';

/** A deadline this close (in working days) is "due soon" in the inbox. */
const DUE_SOON_WORKING_DAYS = 1;

type Opds = q.Opds;

async function deadlineState(ctx: AppContext, row: q.ApplicationRow, now: Date): Promise<'overdue' | 'due_soon' | 'on_time' | null> {
  if (!WAITING_ON_OPD.includes(row.status) || !row.stepDueAt) return null;
  if (row.stepDueAt <= now) return 'overdue';
  return (await ctx.calendar.workingDaysBetween(ctx.db, now, row.stepDueAt)) <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'on_time';
}

const stepView = (s: ProcessStep) => ({ key: s.key, name: s.name, kind: s.kind, role: s.role, workingDays: s.workingDays });

async function summaryOf(ctx: AppContext, r: q.SummaryRow, opds: Opds, now: Date) {
  const a = r.application;
  const step = r.steps[a.stepIndex];
  return {
    number: a.number,
    status: a.status,
    statusLabel: STATUS_LABELS[a.status],
    channel: a.channel,
    service: { code: r.serviceCode, name: r.serviceName, opd: opds.get(a.opdId)! },
    step: a.status === 'draft' || !step ? null : stepView(step),
    applicantName: a.applicantName,
    applicantOpd: a.applicantOpdId === null ? null : (opds.get(a.applicantOpdId) ?? null),
    createdAt: a.createdAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    stepDueAt: a.stepDueAt?.toISOString() ?? null,
    dueAt: a.dueAt?.toISOString() ?? null,
    deadline: await deadlineState(ctx, a, now),
  };
}

export interface ListQuery {
  status?: ApplicationStatus[] | undefined;
  step?: string | undefined;
  service?: string | undefined;
  limit: number;
  offset: number;
}

/** An OPD desk's inbox: its services' applications waiting on it and its counter's drafts (or the statuses asked), by step, overdue first. Auditors see every OPD's. */
export async function listInbox(ctx: AppContext, p: Principal, query: ListQuery) {
  const desk = DESK_ROLES.includes(p.role);
  if (desk && p.opdId === null) return { items: [], total: 0 };
  const now = ctx.clock();
  const { rows, total } = await q.listApplications(ctx.db, {
    opdId: desk ? p.opdId! : undefined,
    // By default what waits on the desk: applications at a step, and the counter's own drafts.
    statuses: query.status ?? [...WAITING_ON_OPD, 'draft'],
    stepKey: query.step,
    serviceCode: query.service,
    limit: query.limit,
    offset: query.offset,
  });
  const opds = await q.opdNames(ctx.db);
  return { items: await Promise.all(rows.map((r) => summaryOf(ctx, r, opds, now))), total };
}

/** The caller's own applications (drafts included). */
export async function listMine(ctx: AppContext, p: Principal, query: ListQuery) {
  const now = ctx.clock();
  const { rows, total } = await q.listApplications(ctx.db, { applicantId: p.userId, statuses: query.status, serviceCode: query.service, limit: query.limit, offset: query.offset });
  const opds = await q.opdNames(ctx.db);
  return { items: await Promise.all(rows.map((r) => summaryOf(ctx, r, opds, now))), total };
}

const fileUrl = (number: string, documentId: string) => `/api/v1/layanan/applications/${number}/files/${documentId}`;

/** The actions the caller may take now: allowed by the table for one of their parts, and by the step the application is at. */
function allowedActions(p: Principal, row: q.ApplicationRow, step: ProcessStep) {
  const actors = actorsFor(p, { ...row, step });
  return APPLICATION_ACTIONS.filter((a) => actors.some((actor) => lifecycle.can(a, row.status, actor)) && stepTakes(a, step.kind));
}

/** What the desk's look at an applicant's identity writes to the audit log. */
export const viewedEntry = (number: string, ip: string | undefined) => ({ action: 'layanan.view_applicant', entity: 'layanan_application', entityId: number, ip });

/** What an application's detail is made of. */
interface Parts {
  row: q.ApplicationRow;
  version: q.VersionRow;
  service: { code: string; name: { id: string; en: string } };
  opds: Opds;
  files: Awaited<ReturnType<typeof q.filesOf>>;
  timeline: Pick<q.EventRow, 'at' | 'action' | 'stepKey' | 'fromStatus' | 'toStatus' | 'publicMessage' | 'internalNote' | 'actorRole'>[];
  holdings: Holdings;
}

/** The application as its audience may see it. */
export async function applicationDetail(ctx: AppContext, p: Principal, number: string, ip?: string) {
  const now = ctx.clock();
  const row = await q.findApplication(ctx.db, number);
  const audience = row ? audienceFor(p, row) : null;
  if (!row || !audience) throw notFound(APPLICATION);
  const version = (await q.versionById(ctx.db, row.versionId))!;
  const service = (await q.serviceById(ctx.db, row.serviceId))!;
  const opds = await q.opdNames(ctx.db);
  if (audience === 'desk') await ctx.db.transaction((tx) => audit(tx, p, viewedEntry(number, ip), now));
  const files = await q.filesOf(ctx.db, row.id);
  const timeline = await q.timelineOf(ctx.db, row.id);
  const holdings = await holdingsOf(ctx, ctx.db, row, version);
  return detailOf(ctx, p, audience, { row, version, service, opds, files, timeline, holdings }, now);
}

/** The detail of an application just filed, from what was written (its desk view audited in the same statement). */
export const filedDetail = (ctx: AppContext, filed: Filed) =>
  detailOf(ctx, filed.filer, filed.audience, { row: filed.row, version: filed.version, service: filed.service, opds: filed.opds, files: [], timeline: filed.events.map(eventView), holdings: filed.holdings }, ctx.clock());

const eventView = (e: q.EventValues): Parts['timeline'][number] => ({
  at: e.at,
  action: e.action,
  stepKey: e.stepKey ?? null,
  fromStatus: e.fromStatus ?? null,
  toStatus: e.toStatus ?? null,
  publicMessage: e.publicMessage ?? null,
  internalNote: e.internalNote ?? null,
  actorRole: e.actorRole,
});

async function detailOf(ctx: AppContext, p: Principal, audience: Audience, parts: Parts, now: Date) {
  const { row, version, service, opds, files, timeline, holdings } = parts;
  const number = row.number;
  const desk = audience === 'desk';
  const step = version.steps[row.stepIndex]!;
  const doneAt = (key: string) => timeline.filter((e) => e.stepKey === key && ['pass', 'approve', 'issue'].includes(e.action)).at(-1)?.at.toISOString() ?? null;
  const started = row.status !== 'draft';
  const finished = row.status === 'issued';
  return {
    ...(await summaryOf(ctx, { application: row, serviceCode: service.code, serviceName: service.name, steps: version.steps }, opds, now)),
    version: version.version,
    applicant: {
      name: row.applicantName,
      // The desk checks the identity; everyone else sees it masked.
      nik: row.nikEncrypted ? (desk ? ctx.cipher.decrypt(row.nikEncrypted) : row.nikMasked) : null,
      phone: row.phone,
      email: row.email,
      assisted: row.channel === 'counter',
    },
    answers: desk ? openAnswers(ctx, version, row.answers) : mapNiks(version.form.fields, row.answers, (t) => maskNik(ctx.cipher.decrypt(t))),
    form: version.form,
    requirements: version.requirements.map((r) => {
      const file = files.find((f) => f.key === r.key);
      return {
        key: r.key,
        label: r.label,
        description: r.description ?? null,
        required: r.required,
        kinds: r.kinds,
        maxBytes: r.maxBytes,
        satisfiedByData: holdings.met.has(r.key),
        file: file ? { id: file.id, name: file.name, uploadedAt: file.uploadedAt.toISOString(), url: fileUrl(number, file.id) } : null,
      };
    }),
    files: files.filter((f) => !version.requirements.some((r) => r.key === f.key)).map((f) => ({ key: f.key, id: f.id, name: f.name, uploadedAt: f.uploadedAt.toISOString(), url: fileUrl(number, f.id) })),
    steps: version.steps.map((s, i) => ({
      ...stepView(s),
      state: (!started || i > row.stepIndex ? 'pending' : i < row.stepIndex || finished ? 'done' : 'current') as 'pending' | 'done' | 'current',
      doneAt: doneAt(s.key),
      dueAt: i === row.stepIndex && !finished ? (row.stepDueAt?.toISOString() ?? null) : null,
    })),
    correction: row.correction,
    // The register's standing is the desk's to weigh; the applicant sees only that the letter was not needed.
    welfare: desk && holdings.welfare !== null ? { listed: !!holdings.welfare, period: holdings.welfare?.period ?? null, decile: holdings.welfare?.decile ?? null, programmes: holdings.welfare?.programmes ?? [] } : null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    issuedAt: row.issuedAt?.toISOString() ?? null,
    documentNumber: row.documentNumber,
    documentUrl: row.signedDocumentId ? `/api/v1/layanan/applications/${number}/document.pdf` : null,
    timeline: timeline.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      step: e.stepKey,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      message: e.publicMessage,
      // Internal notes and who acted stay with the desk.
      ...(desk || audience === 'auditor' ? { note: e.internalNote, actorRole: e.actorRole } : {}),
    })),
    allowedActions: allowedActions(p, row, step),
  };
}

/** A requirement's file, for the application's audience. */
export async function applicationFile(ctx: AppContext, p: Principal, number: string, documentId: string) {
  const row = await q.findApplication(ctx.db, number);
  if (!row || !audienceFor(p, row)) throw notFound(APPLICATION);
  const file = await q.applicationDocument(ctx.db, row.id, documentId);
  if (!file) throw notFound({ id: 'Berkas', en: 'File' });
  return { name: file.name, mime: file.mime, data: await ctx.storage.get(file.fileKey) };
}

/** The signed document the application ended in. */
export async function issuedDocument(ctx: AppContext, p: Principal, number: string) {
  const row = await q.findApplication(ctx.db, number);
  if (!row || !audienceFor(p, row)) throw notFound(APPLICATION);
  const doc = row.signedDocumentId ? await signedDocumentPdf(ctx, row.signedDocumentId) : undefined;
  if (!doc) throw notFound({ id: 'Dokumen', en: 'Document' });
  return { name: doc.name, mime: 'application/pdf', data: doc.data };
}
