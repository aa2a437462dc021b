/** Reading requests: scope first, then the audience's view; every desk view of a requester is audited. */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { forbidden, notFound } from '../core/errors.js';
import { PPID_STAFF_ROLES, actorFor, audienceFor, type Audience } from './access.js';
import { OPEN_STATUSES, REQUEST_ACTIONS, lifecycle, type RequestStatus } from './lifecycle.js';
import { tokenHashOf } from './intake.js';
import { REQUEST } from './actions.js';
import { STATUS_LABELS, fileUrl, secretLinkOf } from './messages.js';
import { objectionDueAt, objectionView } from './objections.js';
import * as q from './queries.js';

/** A deadline this close (in working days) is "due soon" on the desk's list. */
const DUE_SOON_WORKING_DAYS = 2;

/** Where the PPID stands against its next deadline; null while nothing is waiting on it (answered, or awaiting the requester's clarification). */
async function deadlineState(ctx: AppContext, row: q.RequestRow, now: Date): Promise<'overdue' | 'due_soon' | 'on_time' | null> {
  if (!OPEN_STATUSES.includes(row.status) || row.status === 'clarification_needed') return null;
  const due = row.status === 'submitted' ? row.verifyDueAt : row.answerDueAt;
  if (due <= now) return 'overdue';
  return (await ctx.calendar.workingDaysBetween(ctx.db, now, due)) <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'on_time';
}

async function summaryOf(ctx: AppContext, row: q.RequestRow, opds: Map<number, { code: string; name: string }>, now: Date) {
  return {
    registrationNumber: row.registrationNumber,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    channel: row.channel,
    information: row.information,
    opd: row.opdId === null ? null : (opds.get(row.opdId) ?? null),
    createdAt: row.createdAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    verifyDueAt: row.verifyDueAt.toISOString(),
    answerDueAt: row.answerDueAt.toISOString(),
    extendedAt: row.extendedAt?.toISOString() ?? null,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    deadline: await deadlineState(ctx, row, now),
  };
}

/** The answer to a filing: the request's summary, its secret link (shown this once) and its receipt. */
export async function filedAnswer(ctx: AppContext, row: q.RequestRow, token: string) {
  // A request just filed is with the PPID Utama; a retry's may have moved on.
  const opds = row.opdId === null ? new Map<number, { code: string; name: string }>() : await q.opdNames(ctx.db);
  return {
    ...(await summaryOf(ctx, row, opds, ctx.clock())),
    secretLink: secretLinkOf(row.registrationNumber, token),
    receiptUrl: fileUrl(row.registrationNumber, 'receipt.pdf', token),
  };
}

/** The same answer for a request filed before (a retried Idempotency-Key). */
export async function refiledAnswer(ctx: AppContext, registrationNumber: string, token: string) {
  const row = await q.findRequest(ctx.db, registrationNumber);
  if (!row) throw notFound(REQUEST);
  return filedAnswer(ctx, row, token);
}

/** The request as its audience may see it; `secret` is the requester's secret link. */
export async function requestDetail(ctx: AppContext, p: Principal | null, registrationNumber: string, secret?: string, ip?: string) {
  const now = ctx.clock();
  const row = await q.findRequest(ctx.db, registrationNumber);
  const withSecret = !!row && !!secret && tokenHashOf(secret) === row.tokenHash;
  const audience: Audience | null = row ? audienceFor(p, row, withSecret) : null;
  if (!row || !audience) throw notFound(REQUEST);
  if (audience === 'desk') {
    await ctx.db.transaction((tx) => audit(tx, p, { action: 'ppid.view_requester', entity: 'ppid_request', entityId: registrationNumber, ip }, now));
  }
  const actor = actorFor(p, row, withSecret);
  const timeline = await q.timelineOf(ctx.db, row.id);
  const key = withSecret ? secret : undefined;
  const objection = await objectionView(ctx, p, row, key);
  return {
    ...(await summaryOf(ctx, row, await q.opdNames(ctx.db), now)),
    purpose: row.purpose,
    obtainMethod: row.obtainMethod,
    deliveryMethod: row.deliveryMethod,
    publicConsent: row.publicConsent,
    extensionReason: row.extensionReason,
    requester: {
      identityType: row.identityType,
      identityNumber: row.identityMasked,
      fullName: row.fullName,
      entityName: row.entityName,
      address: row.address,
      email: row.email,
      phone: row.phone,
      onBehalfOf: row.onBehalfOf,
      hasPowerOfAttorney: row.powerOfAttorneyId !== null,
      powerOfAttorneyUrl: row.powerOfAttorneyId ? fileUrl(registrationNumber, `documents/${row.powerOfAttorneyId}`, key) : null,
    },
    answer: row.answeredAt
      ? {
          notice: row.notice,
          exemptions: row.exemptions ?? [],
          consequenceTest: row.consequenceTest,
          heldBy: row.heldBy,
          costRupiah: row.costRupiah,
          redactions: row.redactions ?? [],
          noticeUrl: fileUrl(registrationNumber, 'notice.pdf', key),
          documents: (await q.answerDocuments(ctx.db, row.id)).map(({ fileKey: _, ...d }) => ({ ...d, url: fileUrl(registrationNumber, `documents/${d.id}`, key) })),
        }
      : null,
    timeline: timeline.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      message: e.publicMessage,
      // Internal notes and who acted stay with the desks.
      ...(audience === 'desk' ? { note: e.internalNote, actorRole: e.actorRole } : {}),
    })),
    allowedActions: actor ? REQUEST_ACTIONS.filter((a) => lifecycle.can(a, row.status, actor) && (a !== 'extend' || !row.extendedAt)) : [],
    objectionDueAt: actor === 'requester' && !objection ? ((await objectionDueAt(ctx, row, now))?.toISOString() ?? null) : null,
    objection,
  };
}

export interface ListQuery {
  status?: RequestStatus[] | undefined;
  limit: number;
  offset: number;
}

/** The desk's work list: a PPID Pelaksana only its OPD's requests; open ones by deadline, overdue first. */
export async function listForDesk(ctx: AppContext, p: Principal, query: ListQuery) {
  if (!PPID_STAFF_ROLES.includes(p.role)) throw forbidden();
  // A Pelaksana not yet placed in an OPD has nothing routed to it.
  if (p.role === 'ppid_pelaksana' && p.opdId === null) return { items: [], total: 0 };
  const now = ctx.clock();
  const { rows, total } = await q.listRequests(ctx.db, { opdId: p.role === 'ppid_pelaksana' ? p.opdId! : undefined, statuses: query.status, limit: query.limit, offset: query.offset, now });
  const opds = await q.opdNames(ctx.db);
  return { items: await Promise.all(rows.map((r) => summaryOf(ctx, r, opds, now))), total };
}

/** The caller's own requests (filed while logged in). */
export async function listMine(ctx: AppContext, p: Principal, query: ListQuery) {
  const now = ctx.clock();
  const { rows, total } = await q.listRequests(ctx.db, { requesterId: p.userId, statuses: query.status, limit: query.limit, offset: query.offset, now });
  const opds = await q.opdNames(ctx.db);
  return { items: await Promise.all(rows.map((r) => summaryOf(ctx, r, opds, now))), total };
}

/** In the public archive with its answer: the requester consented and nothing was withheld. */
export const answerIsPublic = (row: Pick<q.RequestRow, 'publicConsent' | 'status' | 'answeredAt' | 'exemptions'>) =>
  row.publicConsent && row.status !== 'withdrawn' && !!row.answeredAt && !(row.exemptions ?? []).length;

/**
 * One of a request's documents: an answer document for the request's audience, or for anyone once
 * the answer is public; the power of attorney and the Komisi Informasi's decision for the audience.
 */
export async function requestDocument(ctx: AppContext, p: Principal | null, registrationNumber: string, documentId: string, secret?: string) {
  const row = await q.findRequest(ctx.db, registrationNumber);
  const withSecret = !!row && !!secret && tokenHashOf(secret) === row.tokenHash;
  const audience = row ? audienceFor(p, row, withSecret) : null;
  if (!row || !(answerIsPublic(row) || audience)) throw notFound(REQUEST);
  // The request's own papers are read only when the id is not one of its answer documents.
  const paper = async () => audience && [row.powerOfAttorneyId, (await q.findObjection(ctx.db, row.id))?.disputeDecisionId].includes(documentId);
  const doc = (await q.answerDocuments(ctx.db, row.id)).find((d) => d.id === documentId) ?? ((await paper()) ? await q.documentById(ctx.db, documentId) : undefined);
  if (!doc) throw notFound({ id: 'Dokumen', en: 'Document' });
  return { name: doc.name, mime: doc.mime, data: await ctx.storage.get(doc.fileKey) };
}
