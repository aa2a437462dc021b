/** What each audience sees of a complaint or household: the one place deciding which fields leave the server. */
import type { FieldCipher } from '../core/crypto/secrets.js';
import { isStaffAudience, type Audience } from './access.js';
import { canTransition, COMPLAINT_ACTIONS, isUrgentCategory, NEED_CATEGORIES, NEED_TYPES, sectionFor, type Actor, type ComplaintAction } from './lifecycle.js';
import { ACTION_LABELS, NEED_CATEGORY_LABELS, NEED_TYPE_LABELS, needLabel, SECTION_LABELS, STATUS_LABELS } from './messages.js';
import type * as q from './queries.js';

const iso = (d: Date | null | undefined): string | null => d?.toISOString() ?? null;

/** The filing form's choices, from the lists the server checks filings against (fixed: built once). */
export const NEED_CATALOGUE = NEED_CATEGORIES.map((code) => ({
  code,
  label: NEED_CATEGORY_LABELS[code],
  urgent: isUrgentCategory(code),
  types: NEED_TYPES[code].map((type) => ({ code: type, label: NEED_TYPE_LABELS[type] })),
}));

export function summaryView(row: q.ListedComplaint) {
  const c = row.c;
  return {
    trackingNumber: c.trackingNumber,
    status: c.status,
    statusLabel: STATUS_LABELS[c.status],
    needCategory: c.needCategory,
    needType: c.needType,
    needLabel: needLabel(c.needType),
    urgent: c.urgent,
    registered: c.registered,
    section: c.section,
    headName: row.headName,
    kelurahanCode: c.kelurahanCode,
    kelurahanName: row.kelurahanName,
    rt: row.rt,
    rw: row.rw,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    handledAt: iso(c.handledAt),
    sla: { verifyDueAt: iso(c.verifyDueAt), followUpDueAt: iso(c.followUpDueAt), resolveDueAt: iso(c.resolveDueAt), overdue: row.overdue },
  };
}

type Members = Awaited<ReturnType<typeof q.membersOf>>;

export function householdView(h: q.HouseholdRow, members: Members, kelurahanName: string, audience: Audience, cipher: FieldCipher) {
  // Only Dinas Sosial reads the numbers whole (to check them with Disdukcapil); the view is audited.
  const whole = audience === 'dinsos';
  return {
    id: h.id,
    kkMasked: h.kkMasked,
    kk: whole ? cipher.decrypt(h.kkEncrypted) : null,
    headName: h.headName,
    address: h.address,
    rt: h.rt,
    rw: h.rw,
    kelurahanCode: h.kelurahanCode,
    kelurahanName,
    members: members.map((m) => ({ name: m.name, relation: m.relation, nikMasked: m.nikMasked, nik: whole ? cipher.decrypt(m.nikEncrypted) : null })),
  };
}

interface DetailParts {
  row: q.ListedComplaint;
  audience: Audience;
  actor: Actor | null;
  household: ReturnType<typeof householdView>;
  events: Awaited<ReturnType<typeof q.timelineOf>>;
  photos: Awaited<ReturnType<typeof q.photosOf>>;
  visits: Awaited<ReturnType<typeof q.visitsOf>>;
  assistance: Awaited<ReturnType<typeof q.assistanceOf>>;
  referrals: Awaited<ReturnType<typeof q.referralsOf>>;
}

export function detailView(p: DetailParts) {
  const staff = isStaffAudience(p.audience);
  const c = p.row.c;
  const events = staff ? p.events : p.events.filter(({ e }) => e.fromStatus !== e.toStatus || e.publicMessage !== null || e.action === 'submit');
  const actor = p.actor;
  const actions = actor ? COMPLAINT_ACTIONS.filter((a) => canTransition(a, c.status, actor)) : [];
  const suggested = sectionFor(c.needCategory, c.needType);
  return {
    ...summaryView(p.row),
    description: c.description,
    needCategoryLabel: NEED_CATEGORY_LABELS[c.needCategory],
    sectionLabel: c.section ? SECTION_LABELS[c.section] : null,
    suggestedSection: suggested,
    channel: staff ? c.channel : null,
    register: c.registered ? { period: c.registerPeriod, decile: c.registerDecile, programmes: c.registerProgrammes ?? [] } : null,
    household: p.household,
    actions,
    visits: staff
      ? p.visits.map(({ v, volunteerName }) => ({
          id: v.id,
          volunteerId: v.volunteerId,
          volunteerName,
          status: v.status,
          assignedAt: v.assignedAt.toISOString(),
          dueAt: v.dueAt.toISOString(),
          instruction: v.instruction,
          visitedAt: iso(v.visitedAt),
          lat: v.lat,
          lng: v.lng,
          checklist: v.checklist,
          recommendation: v.recommendation,
          notes: v.notes,
        }))
      : [],
    assistance: p.assistance.map((a) => ({ programme: a.programme, amount: a.amount, goods: a.goods, givenOn: a.givenOn, givenBy: a.givenBy })),
    referrals: p.referrals.map(({ r, opdCode, opdName }) => ({
      id: r.id,
      opdCode,
      opdName,
      status: r.status,
      instruction: staff ? r.instruction : null,
      response: r.response,
      createdAt: r.createdAt.toISOString(),
      doneAt: iso(r.doneAt),
    })),
    timeline: events.map(({ e, actorName }) => ({
      id: e.id,
      at: e.at.toISOString(),
      action: e.action,
      label: ACTION_LABELS[e.action as ComplaintAction | 'submit'] ?? { id: e.action, en: e.action },
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actor: { role: e.actorRole, name: staff && e.actorRole !== 'citizen' ? actorName : null },
      message: e.publicMessage,
      note: staff ? e.internalNote : null,
    })),
    photos: p.photos
      .filter((ph) => staff || ph.visitId === null)
      .map((ph) => ({ id: ph.id, visitId: ph.visitId, width: ph.width, height: ph.height, url: `/api/v1/kemiskinan/complaints/${c.trackingNumber}/photos/${ph.id}` })),
  };
}
