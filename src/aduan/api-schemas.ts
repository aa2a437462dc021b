/** Request and response schemas of the aduan API: validation, TypeScript types and OpenAPI from one source. */
import { Type } from 'typebox';
import { MessageSchema, Nullable, Page } from '../core/http/schemas.js';
import { timelineEntrySchema } from '../core/workflow/api-schemas.js';
import { REPORT_CLASSES, REPORT_STATUSES } from './lifecycle.js';

const DateTime = Type.String({ format: 'date-time' });
const Level = Type.Enum(['kota', 'provinsi', 'nasional'] as const);

export const TrackingParams = Type.Object({
  trackingNumber: Type.String({ pattern: '^[A-Z]{2,6}-\\d{4}-\\d{6,}$', maxLength: 30, description: 'e.g. DMI-2026-000123' }),
});

export const ReportInputSchema = Type.Object({
  class: Type.Enum(REPORT_CLASSES),
  title: Type.String({ minLength: 5, maxLength: 150 }),
  description: Type.String({ minLength: 10, maxLength: 5000 }),
  incidentDate: Type.Optional(Type.String({ format: 'date' })),
  categoryCode: Type.String({ minLength: 1, maxLength: 40, description: 'Sub-category code, e.g. INF-JALAN' }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  kelurahanCode: Type.Optional(Type.String({ pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$', description: 'Correction of the kelurahan derived from the point' })),
  address: Type.Optional(Type.String({ maxLength: 300 })),
  roadId: Type.Optional(Type.Integer({ minimum: 1 })),
  targetOpdCode: Type.Optional(Type.String({ maxLength: 40 })),
  anonymous: Type.Optional(Type.Boolean({ description: 'Identity hidden from everyone but the triage desk' })),
  confidential: Type.Optional(Type.Boolean({ description: 'Never listed publicly' })),
  photoIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 5, uniqueItems: true })),
});

export const ListQuerySchema = Type.Object({
  ...Page,
  status: Type.Optional(Type.String({ maxLength: 300, description: 'Comma-separated statuses' })),
  category: Type.Optional(Type.String({ maxLength: 40, description: 'Khidmat or sub-category code' })),
  kelurahan: Type.Optional(Type.String({ maxLength: 20 })),
  kecamatan: Type.Optional(Type.String({ maxLength: 20 })),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Indonesian full-text search' })),
  bbox: Type.Optional(Type.String({ maxLength: 100, description: 'minLng,minLat,maxLng,maxLat' })),
  opd: Type.Optional(Type.String({ maxLength: 40, description: 'OPD code (citywide roles only; OPD staff always see their own)' })),
  overdue: Type.Optional(Type.Boolean()),
  active: Type.Optional(Type.Boolean({ description: 'Only reports an OPD is still handling' })),
});

export const SummarySchema = Type.Object({
  trackingNumber: Type.String(),
  class: Type.Enum(REPORT_CLASSES),
  title: Type.String(),
  status: Type.Enum(REPORT_STATUSES),
  statusLabel: MessageSchema,
  category: Type.Object({ code: Type.String(), name: MessageSchema }),
  location: Type.Object({
    lat: Type.Number(),
    lng: Type.Number(),
    kelurahanCode: Type.String(),
    kelurahanName: Type.String(),
    kecamatanName: Type.String(),
    address: Nullable(Type.String()),
  }),
  jurisdiction: Level,
  anonymous: Type.Boolean(),
  confidential: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
  sla: Type.Object({
    verifyDueAt: Nullable(DateTime),
    followUpDueAt: Nullable(DateTime),
    resolveDueAt: Nullable(DateTime),
    autoCloseAt: Nullable(DateTime),
    overdue: Type.Boolean(),
    nextDueAt: Nullable(DateTime),
    workingDaysLeft: Type.Optional(Nullable(Type.Integer({ description: 'Staff views: working days until nextDueAt (0 = today, negative = past it)' }))),
  }),
});

export const ListSchema = Type.Object({ items: Type.Array(SummarySchema), hasMore: Type.Boolean() });

export const DetailSchema = Type.Intersect([
  SummarySchema,
  Type.Object({
    description: Type.String(),
    incidentDate: Nullable(Type.String()),
    roadId: Nullable(Type.Integer()),
    channel: Type.String({ description: 'How it reached the city: web, open311, whatsapp, sms, assisted (an officer or volunteer filed it for the resident), demo' }),
    reporter: Nullable(
      Type.Object({ name: Nullable(Type.String()), email: Nullable(Type.String()), phone: Nullable(Type.String()), nikMasked: Nullable(Type.String()) }),
    ),
    rating: Nullable(Type.Integer()),
    ratingComment: Nullable(Type.String()),
    outsideAuthority: Nullable(Type.Object({ level: Type.String(), agency: Type.String(), reason: Type.String() })),
    mergedInto: Nullable(Type.String()),
    dispositions: Type.Array(
      Type.Object({
        opdCode: Type.String(),
        opdName: Type.String(),
        role: Type.Enum(['lead', 'co'] as const),
        status: Type.Enum(['active', 'returned', 'forwarded', 'done'] as const),
        instruction: Nullable(Type.String()),
        createdAt: DateTime,
        followUpDueAt: DateTime,
        acceptedAt: Nullable(DateTime),
        firstFollowUpAt: Nullable(DateTime),
        doneAt: Nullable(DateTime),
        workingDaysLeft: Type.Optional(Nullable(Type.Integer({ description: 'Staff views: working days to this OPD\'s follow-up deadline while it has not followed up' }))),
      }),
    ),
    timeline: Type.Array(timelineEntrySchema({ opdName: Nullable(Type.String()) }, { photoIds: Type.Array(Type.String()) })),
    photos: Type.Array(
      Type.Object({ id: Type.String(), kind: Type.String(), width: Type.Integer(), height: Type.Integer(), url: Type.String() }),
    ),
    actions: Type.Array(Type.Object({ action: Type.String(), path: Type.String() }), {
      description: 'Lifecycle actions the caller may take now: POST /reports/{trackingNumber}/{path}',
    }),
  }),
]);

const Text = (max: number, description: string) => Type.Optional(Type.String({ minLength: 1, maxLength: max, description }));
const Message = Text(4000, 'Public reply or reason; the reporter sees it');
const Note = Text(4000, 'Internal note; never shown to the reporter');
const Photos = Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 5, uniqueItems: true }));
const OpdCode = Type.String({ minLength: 1, maxLength: 40 });

/** One entry per lifecycle action: its URL segment and body. Routes are generated from this table. */
export const ACTION_ROUTES = {
  verify: { path: 'verify', summary: 'Triage: verify a new report', body: { message: Message, note: Note } },
  postpone: { path: 'postpone', summary: 'Triage: postpone (tunda) with reason and date to look again', body: { message: Message, note: Note, postponeUntil: Type.String({ format: 'date' }) } },
  reject: { path: 'reject', summary: 'Triage: reject with a reason', body: { message: Message, note: Note } },
  outside_authority: {
    path: 'outside-authority',
    summary: 'Triage: not the city\'s authority (bukan wewenang) — record where it belongs, e.g. escalation of a national/provincial road',
    body: { message: Message, note: Note, outside: Type.Object({ level: Type.Enum(['nasional', 'provinsi', 'lain'] as const), agency: Type.String({ minLength: 2, maxLength: 200 }) }) },
  },
  archive: { path: 'archive', summary: 'Triage: archive', body: { message: Message, note: Note } },
  merge: { path: 'merge', summary: 'Triage: merge this duplicate into another report', body: { targetTrackingNumber: Type.String({ maxLength: 30 }), note: Note } },
  disposition: {
    path: 'disposition',
    summary: 'Triage: disposition to one or more OPDs (the first leads)',
    body: { opdCodes: Type.Array(OpdCode, { minItems: 1, maxItems: 5, uniqueItems: true }), instruction: Text(2000, 'Instruction to the OPD'), message: Message, note: Note },
  },
  accept: { path: 'accept', summary: 'OPD: accept the disposition', body: { message: Message, note: Note } },
  follow_up: { path: 'follow-up', summary: 'OPD: follow-up reply (public) and/or internal note, with evidence photos', body: { message: Message, note: Note, photoIds: Photos } },
  return_to_triage: { path: 'return', summary: 'OPD: return a misrouted disposition to triage with a reason', body: { note: Text(4000, 'Why it is not ours') } },
  forward: { path: 'forward', summary: 'OPD: pass the disposition to another OPD', body: { opdCode: OpdCode, instruction: Text(2000, 'Instruction to the OPD'), note: Text(4000, 'Why') } },
  add_co_handler: { path: 'co-handlers', summary: 'OPD: add a co-handling OPD (e.g. PUPR and Perkim)', body: { opdCode: OpdCode, instruction: Text(2000, 'Instruction to the OPD'), note: Note } },
  resolve: { path: 'resolve', summary: 'OPD: mark resolved with a public reply and optional evidence photos', body: { message: Message, note: Note, photoIds: Photos } },
  confirm: { path: 'confirm', summary: 'Reporter: confirm the resolution (optionally with a rating)', body: { rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })), comment: Text(1000, 'Comment on the handling') } },
  reopen: { path: 'reopen', summary: 'Reporter: reopen a resolved report with a reason', body: { message: Message } },
  withdraw: { path: 'withdraw', summary: 'Reporter: withdraw a report not yet verified', body: { message: Message } },
  rate: { path: 'rating', summary: 'Reporter: rate the handling 1–5 (once)', body: { rating: Type.Integer({ minimum: 1, maximum: 5 }), comment: Text(1000, 'Comment on the handling') } },
  comment: { path: 'comments', summary: 'Staff: add a public reply or an internal note without changing the status', body: { message: Message, note: Note } },
} as const;

/** An officer or volunteer filing on a resident's behalf: the report, and how to reach the resident. */
export const AssistedInputSchema = Type.Object({
  ...ReportInputSchema.properties,
  resident: Type.Object({
    name: Type.String({ minLength: 2, maxLength: 100 }),
    phone: Type.Optional(Type.String({ maxLength: 20, description: 'Mobile number: notices go there by WhatsApp (or SMS)' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
  }),
});

export const AssistedFiledSchema = Type.Object({
  trackingNumber: Type.String(),
  status: Type.String(),
  /** How the resident hears of the report: through their account, or at the number or address given. */
  residentReached: Type.Enum(['account', 'whatsapp', 'sms', 'email', 'none'] as const),
});
