/** Filing a report: validate against reference data, derive kelurahan and jurisdiction, start the SLA clock. */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { enqueue } from '../core/notifications/outbox.js';
import { invalid } from '../core/errors.js';
import { wibDate } from '../core/calendar/working-days.js';
import { insideCity, kelurahanAt, kelurahanExists } from '../core/reference/regions.js';
import type { ReportClass } from './lifecycle.js';
import { statusNotice } from './messages.js';
import { jurisdictionOf } from './jurisdiction.js';
import { roadsCache } from '../core/reference/roads.js';
import { fileableCategory } from './categories.js';
import * as q from './queries.js';

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

/** Who files: a logged-in citizen, or an Open311 client with the reporter's contact details. */
export type Reporter =
  | { kind: 'citizen'; principal: Principal }
  | { kind: 'external'; contact: { name?: string; email?: string; phone?: string }; channel: 'open311' };

export async function submitReport(ctx: AppContext, tx: Db, reporter: Reporter, input: ReportInput, at = ctx.clock()) {
  const city = ctx.config.city;
  const category = await fileableCategory(ctx, tx, input.categoryCode);
  if (!category) {
    throw invalid('unknown_category', 'Kategori tidak dikenal.', 'Unknown category.', 'categoryCode');
  }
  if (!(await insideCity(ctx, tx, input.lng, input.lat))) {
    throw invalid('location_outside_city', `Lokasi berada di luar wilayah ${city.name}.`, `The location is outside ${city.name}.`, 'lat');
  }
  const kelurahanCode = input.kelurahanCode ?? (await kelurahanAt(ctx, tx, input.lng, input.lat));
  if (!kelurahanCode) {
    throw invalid('kelurahan_required', 'Pilih kelurahan lokasi kejadian.', 'Choose the kelurahan of the location.', 'kelurahanCode');
  }
  if (!(await kelurahanExists(ctx, tx, kelurahanCode))) {
    throw invalid('unknown_kelurahan', 'Kelurahan tidak dikenal.', 'Unknown kelurahan.', 'kelurahanCode');
  }
  if (input.incidentDate && input.incidentDate > wibDate(at)) {
    throw invalid('incident_date_future', 'Tanggal kejadian tidak boleh di masa depan.', 'The incident date cannot be in the future.', 'incidentDate');
  }
  const registry = await roadsCache.get(ctx, tx);
  const road = input.roadId === undefined ? undefined : registry.byId.get(input.roadId);
  if (input.roadId !== undefined && !road) throw invalid('unknown_road', 'Ruas jalan tidak dikenal.', 'Unknown road.', 'roadId');
  let targetOpdId: number | null = null;
  if (input.targetOpdCode) {
    const [opd] = await q.opdsByCodes(tx, [input.targetOpdCode]);
    if (!opd) throw invalid('unknown_opd', 'OPD tidak dikenal.', 'Unknown agency (OPD).', 'targetOpdCode');
    targetOpdId = opd.id;
  }

  const reporterId = reporter.kind === 'citizen' ? reporter.principal.userId : null;
  const { report } = await q.insertReport(tx, `${city.trackingPrefix}-${wibDate(at).slice(0, 4)}-`, {
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
    reporterId,
    externalReporter: reporter.kind === 'external' ? ctx.cipher.encrypt(JSON.stringify(reporter.contact)) : null,
    channel: reporter.kind === 'external' ? reporter.channel : 'web',
    createdAt: at,
    updatedAt: at,
    verifyDueAt: await ctx.calendar.deadline(tx, at, ctx.config.sla.verifyWorkingDays),
  });
  const { trackingNumber } = report;

  const principal = reporter.kind === 'citizen' ? reporter.principal : null;
  const eventId = await q.insertEvent(tx, {
    reportId: report.id,
    at,
    actorId: reporterId,
    actorRole: principal?.role ?? 'open311',
    action: 'submit',
    toStatus: 'submitted',
  });
  if (input.photoIds?.length) {
    if (!principal) throw invalid('photos_need_account', 'Foto hanya dapat dilampirkan oleh akun warga.', 'Photos can only be attached by a citizen account.', 'photoIds');
    const ok = await q.attachPhotos(tx, { reportId: report.id, ownerId: principal.userId, uploadIds: input.photoIds, kind: 'report', eventId, at });
    if (!ok) throw invalid('unknown_photo', 'Foto tidak ditemukan atau sudah dipakai.', 'Photo not found or already used.', 'photoIds');
  }
  await audit(tx, principal, { action: 'report.submit', entity: 'report', entityId: trackingNumber }, at);
  if (reporterId) await enqueue(tx, [reporterId], statusNotice(trackingNumber, 'submitted', null), { email: !!ctx.config.smtp, at });
  return report;
}
