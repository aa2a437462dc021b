/** Reading reports: scope first, then the audience's view. */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import { OPD_ROLES } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { forbidden, notFound } from '../core/errors.js';
import { CITYWIDE_READ_ROLES, actorFor, audienceFor, showsIdentity, type ScopeFacts } from './access.js';
import { factsOf, REPORT, scopeFacts } from './actions.js';
import type { Filed } from './intake.js';
import { detailView, identityOf, isStaffAudience, summaryView } from './views.js';
import { allowedActions, withWorkingDaysLeft, workingDaysLeft } from './work-desk.js';
import type { ReportStatus } from './lifecycle.js';
import * as q from './queries.js';

/** What a report's page is built from. */
interface DetailParts {
  row: q.ListedReport;
  disps: Awaited<ReturnType<typeof q.dispositionsOf>>;
  facts: ScopeFacts;
  contacts: Awaited<ReturnType<typeof q.userContacts>>;
  events: Awaited<ReturnType<typeof q.timelineOf>>;
  photos: Awaited<ReturnType<typeof q.photosOf>>;
  mergedInto: string | null;
}

/**
 * One report as the caller may see it, read in one transaction: `tx` when the caller has one (a
 * command answering with the result of its own change), else a new one.
 */
export async function reportDetail(ctx: AppContext, principal: Principal | null, trackingNumber: string, ip?: string, inTx?: Db) {
  const now = ctx.clock();
  const read = async (tx: Db) => {
    const row = await q.reportSummary(tx, { trackingNumber }, now);
    if (!row) throw notFound(REPORT);
    const report = row.r;
    const disps = await q.dispositionsOf(tx, report.id);
    const facts = await scopeFacts(tx, report, disps);
    const audience = audienceFor(principal, facts);
    if (!audience) throw notFound(REPORT);
    const contacts = showsIdentity(audience, report.anonymous) ? await q.userContacts(tx, report.reporterId ? [report.reporterId] : []) : [];
    const [events, photos] = [await q.timelineOf(tx, report.id), await q.photosOf(tx, report.id)];
    const mergedInto = report.mergedIntoId ? await q.trackingNumberOf(tx, report.mergedIntoId) : null;
    return viewOf(ctx, tx, principal, { row, disps, facts, contacts, events, photos, mergedInto }, now, ip);
  };
  return inTx ? read(inTx) : ctx.db.transaction(read);
}

/**
 * The page of a report just filed, as its reporter sees it, without reading back what the filing
 * wrote: a new report has no dispositions, followers or merge, and one timeline event.
 */
export async function filedReportView(ctx: AppContext, f: Filed, principal: Principal) {
  const parts: DetailParts = {
    row: f.listed,
    disps: [],
    facts: factsOf(f.listed.r, [], []),
    contacts: f.contact ? [f.contact] : [],
    events: [{ e: f.event, opdName: null, actorName: null }],
    photos: f.photoIds.length ? await q.photosOf(ctx.db, f.listed.r.id) : [],
    mergedInto: null,
  };
  return viewOf(ctx, ctx.db, principal, parts, ctx.clock());
}

/** The page from its parts: the audience decides which fields and which actions it shows. */
async function viewOf(ctx: AppContext, tx: Db, principal: Principal | null, parts: DetailParts, now: Date, ip?: string) {
  const report = parts.row.r;
  const audience = audienceFor(principal, parts.facts);
  if (!audience) throw notFound(REPORT);
  const identity = showsIdentity(audience, report.anonymous) ? identityOf(report, parts.contacts, ctx.cipher) : null;
  if (identity && report.anonymous && audience === 'triage') {
    await audit(tx, principal, { action: 'report.view_anonymous_identity', entity: 'report', entityId: report.trackingNumber, ip }, now);
  }
  const view = detailView({ ...parts, audience, identity });
  const actions = allowedActions(principal ? actorFor(principal, parts.facts) : null, report.status);
  if (!isStaffAudience(audience)) return { ...view, actions };
  // Staff desks show deadlines in working days; citizens see the dates.
  const [withDays] = await withWorkingDaysLeft(ctx, tx, [view], now);
  const dispositions = await Promise.all(
    view.dispositions.map(async (d) => ({
      ...d,
      workingDaysLeft: d.status === 'active' && !d.firstFollowUpAt ? await workingDaysLeft(ctx, tx, d.followUpDueAt, now) : null,
    })),
  );
  return { ...withDays!, dispositions, actions };
}

export interface ListQuery {
  status?: ReportStatus[] | undefined;
  category?: string | undefined;
  kelurahan?: string | undefined;
  kecamatan?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  bbox?: [number, number, number, number] | undefined;
  opd?: string | undefined;
  overdue?: boolean | undefined;
  active?: boolean | undefined;
  limit: number;
  offset: number;
}

async function filterFrom(ctx: AppContext, query: ListQuery) {
  let opdId: number | undefined;
  if (query.opd) {
    const [opd] = await q.opdsByCodes(ctx.db, [query.opd]);
    opdId = opd?.id ?? -1;
  }
  return {
    statuses: query.status,
    categoryCode: query.category,
    kelurahanCode: query.kelurahan,
    kecamatanCode: query.kecamatan,
    from: query.from ? new Date(`${query.from}T00:00:00+07:00`) : undefined,
    to: query.to ? new Date(new Date(`${query.to}T00:00:00+07:00`).getTime() + 86_400_000) : undefined,
    q: query.q?.trim() || undefined,
    bbox: query.bbox,
    opdId,
    overdue: query.overdue,
    activeOnly: query.active,
    limit: query.limit,
    offset: query.offset,
    now: ctx.clock(),
  };
}

/** Public listing: verified, non-confidential reports with the reporter hidden. */
export async function listPublic(ctx: AppContext, query: ListQuery) {
  const { rows, hasMore } = await q.listReports(ctx.db, { ...(await filterFrom(ctx, query)), publicOnly: true });
  return { items: rows.map(summaryView), hasMore };
}

/** Staff work lists: citywide roles see everything, OPD staff only their OPD's dispositions. */
export async function listForStaff(ctx: AppContext, p: Principal, query: ListQuery) {
  const filter = await filterFrom(ctx, query);
  if (OPD_ROLES.includes(p.role)) {
    filter.opdId = p.opdId ?? -1;
  } else if (!CITYWIDE_READ_ROLES.includes(p.role)) {
    throw forbidden();
  }
  const { rows, hasMore } = await q.listReports(ctx.db, filter);
  return { items: await withWorkingDaysLeft(ctx, ctx.db, rows.map(summaryView), filter.now), hasMore };
}

/** A citizen's own reports and those they follow through a merge. */
export async function listMine(ctx: AppContext, p: Principal, query: ListQuery) {
  const { rows, hasMore } = await q.listReports(ctx.db, { ...(await filterFrom(ctx, query)), reporterOrFollowerId: p.userId });
  return { items: rows.map(summaryView), hasMore };
}

/** A photo of a report, for whoever may see the report. */
export async function reportPhoto(ctx: AppContext, principal: Principal | null, trackingNumber: string, photoId: string) {
  const report = await q.findReport(ctx.db, trackingNumber);
  if (!report) throw notFound(REPORT);
  const disps = await q.dispositionsOf(ctx.db, report.id);
  if (!audienceFor(principal, await scopeFacts(ctx.db, report, disps))) throw notFound(REPORT);
  const photo = (await q.photoFiles(ctx.db, report.id)).find((ph) => ph.id === photoId);
  if (!photo) throw notFound({ id: 'Foto', en: 'Photo' });
  return { data: await ctx.storage.get(photo.fileKey), mime: photo.mime };
}
