/** What each audience sees of a report: the one place that decides which fields leave the server. */
import type { FieldCipher } from '../core/crypto/secrets.js';
import type { Audience } from './access.js';
import { ACTION_LABELS, STATUS_LABELS } from './messages.js';
import type { ReportAction } from './lifecycle.js';
import type * as q from './queries.js';
import { nextDueAt } from './work-desk.js';

const STAFF: readonly Audience[] = ['triage', 'citywide', 'opd'];
export const isStaffAudience = (a: Audience): boolean => STAFF.includes(a);

const iso = (d: Date | null | undefined): string | null => d?.toISOString() ?? null;

/** The fields every listing shows; the reporter is never part of a listing. */
export function summaryView(row: q.ListedReport) {
  const r = row.r;
  return {
    trackingNumber: r.trackingNumber,
    class: r.class,
    title: r.title,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    category: { code: row.categoryCode, name: { id: row.categoryNameId, en: row.categoryNameEn } },
    location: {
      lat: r.lat,
      lng: r.lng,
      kelurahanCode: r.kelurahanCode,
      kelurahanName: row.kelurahanName,
      kecamatanName: row.kecamatanName,
      address: r.address,
    },
    jurisdiction: r.jurisdiction,
    anonymous: r.anonymous,
    confidential: r.confidential,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    sla: {
      verifyDueAt: iso(r.verifyDueAt),
      followUpDueAt: iso(r.followUpDueAt),
      resolveDueAt: iso(r.resolveDueAt),
      autoCloseAt: iso(r.autoCloseAt),
      overdue: row.overdue,
      nextDueAt: iso(nextDueAt(r)),
    },
  };
}

export interface Identity {
  name: string | null;
  email: string | null;
  phone: string | null;
  nikMasked: string | null;
}

export function identityOf(
  r: q.ReportRow,
  contacts: Awaited<ReturnType<typeof q.userContacts>>,
  cipher: FieldCipher,
): Identity | null {
  const user = contacts.find((c) => c.id === r.reporterId);
  if (user) return { name: user.fullName, email: user.email, phone: user.phone, nikMasked: user.nikMasked };
  if (r.externalReporter) {
    const c = JSON.parse(cipher.decrypt(r.externalReporter)) as { name?: string; email?: string; phone?: string };
    return { name: c.name ?? null, email: c.email ?? null, phone: c.phone ?? null, nikMasked: null };
  }
  return null;
}

interface DetailParts {
  row: q.ListedReport;
  audience: Audience;
  identity: Identity | null;
  disps: Awaited<ReturnType<typeof q.dispositionsOf>>;
  events: Awaited<ReturnType<typeof q.timelineOf>>;
  photos: Awaited<ReturnType<typeof q.photosOf>>;
  mergedInto: string | null;
}

export function detailView(p: DetailParts) {
  const staff = isStaffAudience(p.audience);
  const r = p.row.r;
  const events = staff
    ? p.events
    : p.events.filter(({ e }) => e.fromStatus !== e.toStatus || e.publicMessage !== null || e.action === 'submit');
  return {
    ...summaryView(p.row),
    description: r.description,
    incidentDate: r.incidentDate,
    roadId: r.roadId,
    channel: r.channel,
    reporter: p.identity,
    rating: r.rating,
    ratingComment: r.ratingComment,
    outsideAuthority: r.outsideAuthority,
    mergedInto: p.mergedInto,
    dispositions: p.disps.map(({ d, opdCode, opdName }) => ({
      opdCode,
      opdName,
      role: d.role,
      status: d.status,
      instruction: staff ? d.instruction : null,
      createdAt: d.createdAt.toISOString(),
      followUpDueAt: d.followUpDueAt.toISOString(),
      acceptedAt: iso(d.acceptedAt),
      firstFollowUpAt: iso(d.firstFollowUpAt),
      doneAt: iso(d.doneAt),
    })),
    timeline: events.map(({ e, opdName, actorName }) => ({
      id: e.id,
      at: e.at.toISOString(),
      action: e.action,
      label: ACTION_LABELS[e.action as ReportAction | 'submit'] ?? { id: e.action, en: e.action },
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actor: {
        role: e.actorRole,
        opdName,
        // Officers' names stay inside the government; citizens see the agency. A citizen's own
        // steps never carry a name: the reporter's identity is shown (or hidden) in one place only.
        name: staff && e.actorRole !== 'citizen' ? actorName : null,
      },
      message: e.publicMessage,
      note: staff ? e.internalNote : null,
      photoIds: p.photos.filter((ph) => ph.eventId === e.id).map((ph) => ph.id),
    })),
    photos: p.photos.map((ph) => ({
      id: ph.id,
      kind: ph.kind,
      width: ph.width,
      height: ph.height,
      url: `/api/v1/reports/${r.trackingNumber}/photos/${ph.id}`,
    })),
  };
}
