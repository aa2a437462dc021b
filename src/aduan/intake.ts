/** Filing a report: validate against reference data, derive kelurahan and jurisdiction, start the SLA clock. */
import type { SQL } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import { auditInsert } from '../core/audit/audit.js';
import { enqueueInserts } from '../core/notifications/outbox.js';
import { invalid } from '../core/errors.js';
import { wibDate } from '../core/calendar/working-days.js';
import { insideCity, kelurahanAt, kelurahanExists } from '../core/reference/regions.js';
import type { ReportClass } from './lifecycle.js';
import { statusNotice } from './messages.js';
import { jurisdictionOf } from './jurisdiction.js';
import { roadsCache } from '../core/reference/roads.js';
import { fileableCategory } from './categories.js';
import * as q from './queries.js';
import { reportTrackingSeq, type reports } from './schema.js';
import { sequenceBlocks } from '../core/db/sequence-blocks.js';
import { notifyContact } from './contact-notices.js';

export interface ReportInput {
  class: ReportClass;
  title: string;
  description: string;
  incidentDate?: string | undefined;
  categoryCode: string;
  lat: number;
  lng: number;
  /** The reporter's correction of the kelurahan derived from the point. */
  kelurahanCode?: string | undefined;
  address?: string | undefined;
  roadId?: number | undefined;
  targetOpdCode?: string | undefined;
  anonymous?: boolean | undefined;
  confidential?: boolean | undefined;
  photoIds?: string[] | undefined;
}

/** A reporter without an account: how to reach them (a phone as +628…). */
export interface Contact {
  name?: string;
  email?: string;
  phone?: string;
}

/**
 * Who files: a logged-in citizen; an Open311 client, or a WhatsApp or SMS conversation, with the
 * reporter's contact details; or an officer or volunteer on a resident's behalf (assisted intake) —
 * the resident's account when they have one, else their contact details.
 */
export type Reporter =
  | { kind: 'citizen'; principal: Principal }
  | { kind: 'external'; contact: Contact; channel: 'open311' | 'whatsapp' | 'sms' }
  | { kind: 'assisted'; principal: Principal; resident: { userId: string } | { contact: Contact } };

/** The account that files in person (a citizen, or the officer assisting), for the audit line and the photos' owner. */
const filerOf = (r: Reporter): Principal | null => (r.kind === 'external' ? null : r.principal);
const contactOf = (r: Reporter): Contact | null => (r.kind === 'external' ? r.contact : r.kind === 'assisted' && 'contact' in r.resident ? r.resident.contact : null);

/** A filing checked against reference data (no writes yet), ready to be numbered and written. */
export interface Filing {
  reporter: Reporter;
  /** Whose uploads the photos are: the filer's account, or none (a photo a conversation received). */
  photoOwnerId: string | null;
  at: Date;
  values: Omit<typeof reports.$inferInsert, 'trackingNumber'>;
  photoIds: string[];
}

export type NumberedFiling = Filing & { trackingNumber: string };

/** What writing a filing left behind: the report (as listed), its first timeline event and the reporter's contacts. */
export interface Filed {
  listed: q.ListedReport;
  event: q.EventRow;
  contact: q.Contact | undefined;
  photoIds: string[];
}

/** Checks a filing: a bad one is refused here, before anything is written or batched. */
export async function checkFiling(ctx: AppContext, db: Db, reporter: Reporter, input: ReportInput, at = ctx.clock()): Promise<Filing> {
  const city = ctx.config.city;
  const category = await fileableCategory(ctx, db, input.categoryCode);
  if (!category) {
    throw invalid('unknown_category', 'Kategori tidak dikenal.', 'Unknown category.', 'categoryCode');
  }
  if (!(await insideCity(ctx, db, input.lng, input.lat))) {
    throw invalid('location_outside_city', `Lokasi berada di luar wilayah ${city.name}.`, `The location is outside ${city.name}.`, 'lat');
  }
  const kelurahanCode = input.kelurahanCode ?? (await kelurahanAt(ctx, db, input.lng, input.lat));
  if (!kelurahanCode) {
    throw invalid('kelurahan_required', 'Pilih kelurahan lokasi kejadian.', 'Choose the kelurahan of the location.', 'kelurahanCode');
  }
  if (!(await kelurahanExists(ctx, db, kelurahanCode))) {
    throw invalid('unknown_kelurahan', 'Kelurahan tidak dikenal.', 'Unknown kelurahan.', 'kelurahanCode');
  }
  if (input.incidentDate && input.incidentDate > wibDate(at)) {
    throw invalid('incident_date_future', 'Tanggal kejadian tidak boleh di masa depan.', 'The incident date cannot be in the future.', 'incidentDate');
  }
  const registry = await roadsCache.get(ctx, db);
  const road = input.roadId === undefined ? undefined : registry.byId.get(input.roadId);
  if (input.roadId !== undefined && !road) throw invalid('unknown_road', 'Ruas jalan tidak dikenal.', 'Unknown road.', 'roadId');
  let targetOpdId: number | null = null;
  if (input.targetOpdCode) {
    const [opd] = await q.opdsByCodes(db, [input.targetOpdCode]);
    if (!opd) throw invalid('unknown_opd', 'OPD tidak dikenal.', 'Unknown agency (OPD).', 'targetOpdCode');
    targetOpdId = opd.id;
  }
  const photoIds = input.photoIds ?? [];
  if (photoIds.length && reporter.kind === 'external' && reporter.channel === 'open311') {
    throw invalid('photos_need_account', 'Foto hanya dapat dilampirkan oleh akun warga.', 'Photos can only be attached by a citizen account.', 'photoIds');
  }

  const values = {
    class: input.class,
    title: input.title.trim(),
    description: input.description.trim(),
    incidentDate: input.incidentDate ?? null,
    categoryId: category.id,
    lat: input.lat,
    lng: input.lng,
    kelurahanCode,
    address: input.address?.trim() || null,
    roadId: road?.id ?? null,
    jurisdiction: category.isRoad ? jurisdictionOf(registry.mapped, road, input.lng, input.lat) : 'kota',
    targetOpdId,
    anonymous: input.anonymous ?? false,
    confidential: input.confidential ?? false,
    status: 'submitted',
    reporterId: reporter.kind === 'citizen' ? reporter.principal.userId : reporter.kind === 'assisted' && 'userId' in reporter.resident ? reporter.resident.userId : null,
    externalReporter: contactOf(reporter) ? ctx.cipher.encrypt(JSON.stringify(contactOf(reporter))) : null,
    channel: reporter.kind === 'external' ? reporter.channel : reporter.kind === 'assisted' ? 'assisted' : 'web',
    assistedById: reporter.kind === 'assisted' ? reporter.principal.userId : null,
    createdAt: at,
    updatedAt: at,
    verifyDueAt: await ctx.calendar.deadline(db, at, ctx.config.sla.verifyWorkingDays),
  } satisfies Filing['values'];
  return { reporter, photoOwnerId: filerOf(reporter)?.userId ?? null, at, values, photoIds };
}

/** Serials per app (per database): taken before the reports are written, so a batch knows its numbers (and idempotency answers) up front. */
const serialsOf = new WeakMap<AppContext, ReturnType<typeof sequenceBlocks>>();

/** Gives each filing its tracking number: `<city prefix>-<year>-<serial>`, the serial at least six digits. */
export async function numberFilings(ctx: AppContext, tx: Db, filings: readonly Filing[]): Promise<NumberedFiling[]> {
  let take = serialsOf.get(ctx);
  if (!take) serialsOf.set(ctx, (take = sequenceBlocks(reportTrackingSeq, 64)));
  const serials = await take(tx, filings.length);
  return filings.map((f, i) => ({ ...f, trackingNumber: `${ctx.config.city.trackingPrefix}-${wibDate(f.at).slice(0, 4)}-${serials[i]!.padStart(6, '0')}` }));
}

/**
 * Writes numbered filings in one statement for all of them: the reports, their first timeline
 * events, the audit lines, the reporters' notices and the caller's `alongside` (idempotency claims).
 * Photos follow, in the caller's transaction.
 */
export async function writeFilings(ctx: AppContext, tx: Db, filings: readonly NumberedFiling[], alongside: readonly SQL[] = []): Promise<Filed[]> {
  if (!filings.length) return [];
  const principalOf = (f: Filing) => filerOf(f.reporter);
  const inserts = [
    ...alongside,
    auditInsert(filings.map((f) => ({ actor: principalOf(f), entry: { action: 'report.submit', entity: 'report', entityId: f.trackingNumber }, at: f.at }))),
    ...enqueueInserts(
      filings.filter((f) => f.values.reporterId).map((f) => ({ userIds: [f.values.reporterId!], notice: statusNotice(f.trackingNumber, 'submitted', null), at: f.at })),
      { email: !!ctx.config.smtp },
    ),
  ];
  const written = await q.insertFilings(
    tx,
    filings.map((f) => ({ values: { ...f.values, trackingNumber: f.trackingNumber }, actorRole: principalOf(f)?.role ?? f.values.channel ?? 'open311' })),
    inserts,
    ctx.clock(),
  );
  const byNumber = new Map(written.map((w) => [w.listed.r.trackingNumber, w]));
  const filed: Filed[] = [];
  for (const f of filings) {
    const { listed, event, contact } = byNumber.get(f.trackingNumber)!;
    const ok = await q.attachPhotos(tx, { reportId: listed.r.id, ownerId: f.photoOwnerId, uploadIds: f.photoIds, kind: 'report', eventId: event.id, at: f.at });
    if (!ok) throw invalid('unknown_photo', 'Foto tidak ditemukan atau sudah dipakai.', 'Photo not found or already used.', 'photoIds');
    // A resident filed for by an officer hears of it as any reporter would (a conversation answers for itself).
    const resident = contactOf(f.reporter);
    if (f.reporter.kind === 'assisted' && resident) await notifyContact(ctx, tx, resident, 'assisted', statusNotice(f.trackingNumber, 'submitted', null), f.at);
    filed.push({ listed, event, contact, photoIds: f.photoIds });
  }
  return filed;
}

/** Files one report in the caller's transaction (Open311, demo data): checked, numbered, written. */
export async function submitReport(ctx: AppContext, tx: Db, reporter: Reporter, input: ReportInput, at = ctx.clock()): Promise<q.ReportRow> {
  const filing = await checkFiling(ctx, tx, reporter, input, at);
  const [filed] = await writeFilings(ctx, tx, await numberFilings(ctx, tx, [filing]));
  return filed!.listed.r;
}
