/**
 * How GeoReport v2 maps onto aduan: a service is a sub-category, a service request is a report,
 * and only what the public listing shows ever leaves through here (never the reporter).
 */
import crypto from 'node:crypto';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { PUBLIC_STATUSES, STATUS_LABELS, TERMINAL_STATUSES, categoriesCache, isPublic, submitReport, type ReportStatus } from '../aduan/index.js';
import * as aduan from '../aduan/read-model.js';
import type { Row } from './format.js';
import * as q from './queries.js';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** When this endpoint's behaviour last changed; clients use it to notice changes. */
const CHANGESET = '2026-03-01T00:00:00Z';
const DAY_MS = 86_400_000;
/** The spec's default and maximum window for listing requests. */
const WINDOW_DAYS = 90;
/** The spec's suggested maximum number of requests in one answer. */
const MAX_REQUESTS = 1000;
const TITLE_MAX = 100;

const both = (m: { id: string; en: string }): string => `${m.en} / ${m.id}`;

/** Open311 knows open and closed; resolved counts as closed because the city's work is done. */
const CLOSED: readonly ReportStatus[] = ['resolved', ...TERMINAL_STATUSES];
const open311Status = (s: ReportStatus): 'open' | 'closed' => (CLOSED.includes(s) ? 'closed' : 'open');

export function discovery(ctx: AppContext, baseUrl: string): Row {
  const city = ctx.config.city.name;
  return {
    changeset: CHANGESET,
    contact: `The Khidmat complaints desk of ${city}. / Admin pengaduan Khidmat ${city}.`,
    key_service: `API keys are issued by the Khidmat administrators of ${city}. / Kunci API diterbitkan oleh admin Khidmat ${city}.`,
    endpoints: [
      {
        specification: SPECIFICATION,
        url: `${baseUrl}/open311/v2`,
        changeset: CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

export async function services(ctx: AppContext): Promise<Row[]> {
  return (await aduan.activeServices(ctx.db)).map((s) => ({
    service_code: s.code,
    service_name: s.nameId,
    // English in the description, so clients in other languages still have something to show.
    description: s.nameEn,
    metadata: false,
    type: 'realtime',
    keywords: [s.nameEn, s.groupId, s.groupEn].join(', '),
    group: s.groupId,
  }));
}

/** None of our services asks for extra attributes; the definition exists because clients request it. */
export async function serviceDefinition(ctx: AppContext, code: string): Promise<Row> {
  if (!(await aduan.activeServices(ctx.db)).some((s) => s.code === code)) throw notFound({ id: 'Layanan', en: 'Service' });
  return { service_code: code, attributes: [] };
}

export interface NewRequest {
  service_code: string;
  lat: number;
  long: number;
  description: string;
  address_string?: string | undefined;
  email?: string | undefined;
  first_name?: string | undefined;
  last_name?: string | undefined;
  phone?: string | undefined;
}

/** "<category>: <start of the description>", as a citizen would title it. */
function titleOf(categoryName: string, description: string): string {
  const title = `${categoryName}: ${description.replace(/\s+/g, ' ').trim()}`;
  return title.length <= TITLE_MAX ? title : `${title.slice(0, TITLE_MAX - 1).trimEnd()}…`;
}

/**
 * Files the report and its token in one transaction. device_id, account_id and address_id have no
 * counterpart in a report, and media_url is not fetched (we neither trust nor proxy remote files),
 * so none of them is stored.
 */
export async function fileRequest(ctx: AppContext, apiKeyId: number, input: NewRequest): Promise<Row> {
  const token = crypto.randomBytes(18).toString('base64url');
  const name = [input.first_name, input.last_name].map((s) => s?.trim()).filter(Boolean).join(' ');
  const contact = { name: name || undefined, email: input.email?.trim() || undefined, phone: input.phone?.trim() || undefined };
  const report = await ctx.db.transaction(async (tx) => {
    // An unknown code keeps its own name in the title; submitReport refuses it right after.
    const category = (await categoriesCache.get(ctx, tx)).byCode.get(input.service_code);
    const filed = await submitReport(ctx, tx, { kind: 'external', contact, channel: 'open311' }, {
      class: 'pengaduan',
      title: titleOf(category?.nameId ?? input.service_code, input.description),
      description: input.description,
      categoryCode: input.service_code,
      lat: input.lat,
      lng: input.long,
      address: input.address_string,
    });
    await q.insertToken(tx, { token, reportId: filed.id, apiKeyId, createdAt: filed.createdAt });
    return filed;
  });
  const days = ctx.config.sla.verifyWorkingDays;
  return {
    service_request_id: report.trackingNumber,
    token,
    service_notice: both({
      en: `Received. The report becomes public once the city has verified it (within ${days} working days).`,
      id: `Laporan diterima. Laporan tampil untuk umum setelah diverifikasi (paling lama ${days} hari kerja).`,
    }),
    account_id: null,
  };
}

export async function requestOfToken(ctx: AppContext, token: string): Promise<Row> {
  const tn = await q.trackingNumberOfToken(ctx.db, token);
  if (!tn) throw notFound({ id: 'Token', en: 'Token' });
  return { service_request_id: tn, token };
}

export interface RequestQuery {
  service_request_id?: string | undefined;
  service_code?: string | undefined;
  start_date?: string | undefined;
  end_date?: string | undefined;
  status?: string | undefined;
}

const badRange = () =>
  new AppError(400, 'invalid_date_range', {
    id: `end_date harus setelah start_date dan rentangnya paling lama ${WINDOW_DAYS} hari.`,
    en: `end_date must follow start_date and the range may span at most ${WINDOW_DAYS} days.`,
  });

/** The spec's window: both ends given, one end plus 90 days, or the last 90 days. end_date is inclusive. */
function dateWindow(query: RequestQuery, now: Date): { from: Date; to: Date | undefined } {
  const span = WINDOW_DAYS * DAY_MS;
  const start = query.start_date ? new Date(query.start_date) : undefined;
  const end = query.end_date ? new Date(new Date(query.end_date).getTime() + 1) : undefined;
  if (start && end && (end <= start || end.getTime() - start.getTime() > span + 1)) throw badRange();
  if (start) return { from: start, to: end ?? new Date(start.getTime() + span) };
  if (end) return { from: new Date(end.getTime() - span), to: end };
  return { from: new Date(now.getTime() - span), to: undefined };
}

const statusesOf = (list: string): ReportStatus[] => {
  const wanted = new Set(list.split(','));
  return PUBLIC_STATUSES.filter((s) => wanted.has(open311Status(s)));
};

/** Public reports only: with ids the spec ignores every other filter, otherwise the filtered window. */
export async function findRequests(ctx: AppContext, query: RequestQuery, baseUrl: string): Promise<Row[]> {
  const now = ctx.clock();
  if (query.service_request_id) {
    const ids = [...new Set(query.service_request_id.split(',').map((s) => s.trim()).filter(Boolean))];
    const rows = await Promise.all(ids.map((tn) => publicReport(ctx, tn, now)));
    return describeReports(ctx, rows.filter((r) => r !== undefined), baseUrl);
  }
  const { from, to } = dateWindow(query, now);
  const { rows } = await aduan.listReports(ctx.db, {
    publicOnly: true,
    statuses: query.status ? statusesOf(query.status) : undefined,
    categoryCode: query.service_code,
    from,
    to,
    limit: MAX_REQUESTS,
    offset: 0,
    now,
  });
  return describeReports(ctx, rows, baseUrl);
}

export async function findRequest(ctx: AppContext, trackingNumber: string, baseUrl: string): Promise<Row[]> {
  const row = await publicReport(ctx, trackingNumber, ctx.clock());
  if (!row) throw notFound({ id: 'Laporan', en: 'Service request' });
  return describeReports(ctx, [row], baseUrl);
}

/** Unverified and confidential reports look exactly like missing ones. */
async function publicReport(ctx: AppContext, trackingNumber: string, now: Date) {
  const row = await aduan.reportSummary(ctx.db, { trackingNumber }, now);
  return row && isPublic(row.r) ? row : undefined;
}

async function describeReports(ctx: AppContext, rows: aduan.ListedReport[], baseUrl: string): Promise<Row[]> {
  const ids = rows.map((row) => row.r.id);
  const [notes, agencies, photos] = await Promise.all([aduan.latestPublicMessages(ctx.db, ids), aduan.leadAgencies(ctx.db, ids), aduan.firstPhotos(ctx.db, ids)]);
  return rows.map(({ r, categoryCode, categoryNameId, kelurahanName, kecamatanName }) => {
    const photo = photos.get(r.id);
    return {
      service_request_id: r.trackingNumber,
      status: open311Status(r.status),
      status_notes: notes.get(r.id) ?? null,
      service_name: categoryNameId,
      service_code: categoryCode,
      description: r.description,
      agency_responsible: agencies.get(r.id) ?? null,
      service_notice: both(STATUS_LABELS[r.status]),
      requested_datetime: r.createdAt.toISOString(),
      updated_datetime: r.updatedAt.toISOString(),
      expected_datetime: r.resolveDueAt?.toISOString() ?? null,
      // Without a street address the kelurahan still tells a map client where the report is.
      address: r.address ?? `Kelurahan ${kelurahanName}, Kecamatan ${kecamatanName}`,
      address_id: null,
      zipcode: null,
      lat: r.lat,
      long: r.lng,
      media_url: photo ? `${baseUrl}/api/v1/reports/${r.trackingNumber}/photos/${photo}` : null,
    };
  });
}
