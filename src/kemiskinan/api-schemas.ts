/** Request and response schemas of the kemiskinan API: validation, types and OpenAPI from one source. */
import { Type } from 'typebox';
import { MessageSchema, Nullable, Page } from '../core/http/schemas.js';
import { timelineEntrySchema } from '../core/workflow/api-schemas.js';
import { ALL_NEED_TYPES, COMPLAINT_STATUSES, NEED_CATEGORIES, PROGRAMMES, SECTIONS } from './lifecycle.js';

const DateTime = Type.String({ format: 'date-time' });
const Digits16 = Type.String({ minLength: 16, maxLength: 20, description: '16 digits (spaces allowed)' });
const Text = (max: number, description: string) => Type.Optional(Type.String({ minLength: 1, maxLength: max, description }));
const Message = Text(4000, 'Public reply or reason; the citizen sees it');
const Note = Text(4000, 'Internal note; never shown to the citizen');
const Photos = Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 5, uniqueItems: true }));
export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) });

export const TrackingParams = Type.Object({
  trackingNumber: Type.String({ pattern: '^[A-Z]{2,6}-KM-\\d{4}-\\d{6,}$', maxLength: 30, description: 'e.g. DMI-KM-2026-000012' }),
});
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const ComplaintInputSchema = Type.Object({
  household: Type.Object({
    kk: Digits16,
    address: Type.String({ minLength: 5, maxLength: 300 }),
    kelurahanCode: Type.String({ pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$' }),
    rt: Type.String({ pattern: '^\\d{1,3}$' }),
    rw: Type.String({ pattern: '^\\d{1,3}$' }),
    members: Type.Array(
      Type.Object({
        nik: Digits16,
        name: Type.String({ minLength: 2, maxLength: 150 }),
        relation: Type.Enum(['kepala', 'istri_suami', 'anak', 'lainnya'] as const),
      }),
      { minItems: 1, maxItems: 20 },
    ),
  }),
  needCategory: Type.Enum(NEED_CATEGORIES),
  needType: Type.Enum(ALL_NEED_TYPES as unknown as readonly [string, ...string[]]),
  description: Type.String({ minLength: 10, maxLength: 5000 }),
  photoIds: Photos,
});

export const ListQuerySchema = Type.Object({
  ...Page,
  status: Type.Optional(Type.String({ maxLength: 300, description: 'Comma-separated statuses' })),
  section: Type.Optional(Type.Enum(SECTIONS)),
  kelurahan: Type.Optional(Type.String({ maxLength: 20 })),
  need: Type.Optional(Type.Enum(NEED_CATEGORIES)),
  urgent: Type.Optional(Type.Boolean()),
  registered: Type.Optional(Type.Boolean()),
  overdue: Type.Optional(Type.Boolean()),
});

const Sla = Type.Object({ verifyDueAt: Nullable(DateTime), followUpDueAt: Nullable(DateTime), resolveDueAt: Nullable(DateTime), overdue: Type.Boolean() });

export const SummarySchema = Type.Object({
  trackingNumber: Type.String(),
  status: Type.Enum(COMPLAINT_STATUSES),
  statusLabel: MessageSchema,
  needCategory: Type.Enum(NEED_CATEGORIES),
  needType: Type.String(),
  needLabel: MessageSchema,
  urgent: Type.Boolean(),
  registered: Type.Boolean(),
  section: Nullable(Type.Enum(SECTIONS)),
  headName: Type.String(),
  kelurahanCode: Type.String(),
  kelurahanName: Type.String(),
  rt: Type.String(),
  rw: Type.String(),
  createdAt: DateTime,
  updatedAt: DateTime,
  handledAt: Nullable(DateTime),
  sla: Sla,
});
export const ListSchema = Type.Object({ items: Type.Array(SummarySchema), hasMore: Type.Boolean() });

const HouseholdSchema = Type.Object({
  id: Type.Integer(),
  kkMasked: Type.String(),
  kk: Nullable(Type.String({ description: 'Whole number: Dinas Sosial only' })),
  headName: Type.String(),
  address: Type.String(),
  rt: Type.String(),
  rw: Type.String(),
  kelurahanCode: Type.String(),
  kelurahanName: Type.String(),
  members: Type.Array(Type.Object({ name: Type.String(), relation: Type.String(), nikMasked: Type.String(), nik: Nullable(Type.String()) })),
});
export const HouseholdDetailSchema = Type.Intersect([HouseholdSchema, Type.Object({ complaints: Type.Array(SummarySchema) })]);

const ChecklistSchema = Type.Object({
  floor: Type.Enum(['tanah', 'papan', 'semen', 'keramik'] as const),
  wall: Type.Enum(['bambu', 'papan', 'tembok_tanpa_plester', 'tembok'] as const),
  roof: Type.Enum(['rumbia', 'seng_bocor', 'seng', 'genteng'] as const),
  water: Type.Enum(['sungai_hujan', 'sumur', 'isi_ulang', 'pdam'] as const),
  electricity: Type.Enum(['tidak_ada', 'menumpang', '450va', '900va_lebih'] as const),
  toilet: Type.Enum(['tidak_ada', 'bersama', 'sendiri'] as const),
  cookingFuel: Type.Enum(['kayu', 'minyak_tanah', 'gas_3kg', 'gas_listrik'] as const),
  meals: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]),
  earners: Type.Integer({ minimum: 0, maximum: 20 }),
  sickOrDisabled: Type.Boolean(),
  childrenOutOfSchool: Type.Boolean(),
});

export const DetailSchema = Type.Intersect([
  SummarySchema,
  Type.Object({
    description: Type.String(),
    needCategoryLabel: MessageSchema,
    sectionLabel: Nullable(MessageSchema),
    suggestedSection: Type.Enum(SECTIONS),
    channel: Nullable(Type.String()),
    register: Nullable(Type.Object({ period: Nullable(Type.String()), decile: Nullable(Type.Integer()), programmes: Type.Array(Type.String()) })),
    household: HouseholdSchema,
    actions: Type.Array(Type.String(), { description: 'Lifecycle actions the caller may take now' }),
    visits: Type.Array(
      Type.Object({
        id: Type.Integer(),
        volunteerId: Type.String(),
        volunteerName: Type.String(),
        status: Type.String(),
        assignedAt: DateTime,
        dueAt: DateTime,
        instruction: Nullable(Type.String()),
        visitedAt: Nullable(DateTime),
        lat: Nullable(Type.Number()),
        lng: Nullable(Type.Number()),
        checklist: Nullable(ChecklistSchema),
        recommendation: Nullable(Type.String()),
        notes: Nullable(Type.String()),
      }),
    ),
    assistance: Type.Array(Type.Object({ programme: Type.String(), amount: Nullable(Type.Integer()), goods: Nullable(Type.String()), givenOn: Type.String(), givenBy: Type.String() })),
    referrals: Type.Array(
      Type.Object({ id: Type.Integer(), opdCode: Type.String(), opdName: Type.String(), status: Type.String(), instruction: Nullable(Type.String()), response: Nullable(Type.String()), createdAt: DateTime, doneAt: Nullable(DateTime) }),
    ),
    timeline: Type.Array(timelineEntrySchema({}, {})),
    photos: Type.Array(Type.Object({ id: Type.String(), visitId: Nullable(Type.Integer()), width: Type.Integer(), height: Type.Integer(), url: Type.String() })),
  }),
]);

export const VisitRecordSchema = Type.Object({
  visitedAt: DateTime,
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  accuracyM: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000 })),
  checklist: ChecklistSchema,
  recommendation: Type.Enum(['assist', 'refer', 'not_eligible'] as const),
  notes: Text(4000, 'What the volunteer saw'),
  photoIds: Photos,
});

export const VisitSchema = Type.Object({
  id: Type.Integer(),
  trackingNumber: Type.String(),
  urgent: Type.Boolean(),
  needLabel: MessageSchema,
  headName: Type.String(),
  address: Type.String(),
  rt: Type.String(),
  rw: Type.String(),
  kelurahanName: Type.String(),
  instruction: Nullable(Type.String()),
  assignedAt: DateTime,
  dueAt: DateTime,
  status: Type.String(),
  visitedAt: Nullable(DateTime),
});

export const ReferralSchema = Type.Object({
  id: Type.Integer(),
  trackingNumber: Type.String(),
  urgent: Type.Boolean(),
  needLabel: MessageSchema,
  headName: Type.String(),
  kelurahanName: Type.String(),
  instruction: Type.String(),
  status: Type.String(),
  response: Nullable(Type.String()),
  createdAt: DateTime,
  doneAt: Nullable(DateTime),
});

const Assistance = Type.Object({
  programme: Type.Enum(PROGRAMMES),
  amount: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'Rupiah' })),
  goods: Text(500, 'Goods given, e.g. "10 kg beras, 2 L minyak goreng"'),
  givenOn: Type.String({ format: 'date' }),
  givenBy: Type.String({ minLength: 2, maxLength: 200, description: 'Who gave it, e.g. "Dinas Sosial (Sekretariat)", "Baznas Kota Dumai"' }),
});

/** One entry per lifecycle action a person takes on a complaint: URL segment and body. */
export const ACTION_ROUTES = {
  route: { path: 'route', summary: 'Desk (Seksi Data): verify and route to a section', body: { section: Type.Optional(Type.Enum(SECTIONS)), message: Message, note: Note } },
  return_to_desk: { path: 'return', summary: 'Section: return a misrouted complaint to the desk', body: { note: Text(4000, 'Why it is not ours') } },
  assign_visit: { path: 'assign-visit', summary: 'Section: send a volunteer (relawan pendamping) to visit the household', body: { volunteerId: Type.String({ format: 'uuid' }), instruction: Text(2000, 'What to look at'), message: Message, note: Note } },
  assist: { path: 'assist', summary: 'Section: record assistance given (programme, amount or goods, date, by whom)', body: { assistance: Assistance, message: Message, note: Note } },
  refer: { path: 'refer', summary: 'Section: refer to another OPD (Disdukcapil, Dinkes, Disdik…); it appears in that OPD\'s inbox', body: { opdCode: Type.String({ minLength: 1, maxLength: 40 }), instruction: Type.String({ minLength: 5, maxLength: 2000 }), message: Message, note: Note } },
  refuse: { path: 'refuse', summary: 'Desk or section: refuse with a reason the citizen reads', body: { message: Message, note: Note } },
  register_match: { path: 'register-match', summary: 'Desk: re-check an unregistered household against the register in force', body: { note: Note } },
  take_emergency: { path: 'take-emergency', summary: 'Desk: take an unregistered emergency into handling without waiting for the register', body: { message: Message, note: Note } },
  withdraw: { path: 'withdraw', summary: 'Citizen: withdraw a complaint not yet routed', body: { message: Message } },
  comment: { path: 'comments', summary: 'Desk or section: a public reply or an internal note', body: { message: Message, note: Note } },
} as const;

export const DeliberationInputSchema = Type.Object({
  heldOn: Type.String({ format: 'date' }),
  notes: Text(4000, 'Minutes of the meeting'),
  decisions: Type.Array(
    Type.Object({ trackingNumber: Type.String({ maxLength: 30 }), decision: Type.Enum(['proposed', 'not_proposed'] as const), reason: Text(2000, 'Why not proposed') }),
    { minItems: 1, maxItems: 500 },
  ),
});

export const MusyawarahSchema = Type.Object({
  kelurahanCode: Type.String(),
  awaiting: Type.Array(SummarySchema),
  proposed: Type.Array(SummarySchema),
  deliberations: Type.Array(Type.Object({ id: Type.Integer(), heldOn: Type.String(), notes: Nullable(Type.String()), recordedBy: Nullable(Type.String()), recordedAt: DateTime })),
});

const FigureRow = { received: Type.Integer(), handled: Type.Integer(), sharePercent: Type.Integer() };
export const FiguresSchema = Type.Object({
  year: Type.Integer(),
  month: Nullable(Type.Integer()),
  ...FigureRow,
  averageDaysToHandle: Nullable(Type.Number()),
  byNeed: Type.Array(Type.Object({ key: Type.String(), label: MessageSchema, ...FigureRow })),
  byRegistered: Type.Array(Type.Object({ registered: Type.Boolean(), ...FigureRow })),
  byKelurahan: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), ...FigureRow })),
  byStatus: Type.Array(Type.Object({ status: Type.String(), label: MessageSchema, count: Type.Integer() })),
});
export const FiguresQuery = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }), month: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })) });

export const ImportSchema = Type.Object({
  id: Type.Integer(),
  period: Type.String(),
  fileName: Type.String(),
  status: Type.String(),
  bytesTotal: Type.Integer(),
  bytesRead: Type.Integer(),
  progress: Type.Number({ description: '0..1, by bytes read' }),
  rowsRead: Type.Integer(),
  rowsAccepted: Type.Integer(),
  rowsRejected: Type.Integer(),
  rematched: Type.Integer({ description: 'Waiting complaints the new register brought to the desk' }),
  error: Nullable(Type.Object({ code: Type.String(), message: MessageSchema, line: Type.Optional(Type.Integer()) })),
  createdAt: DateTime,
  startedAt: Nullable(DateTime),
  finishedAt: Nullable(DateTime),
});

/** The needs a household can name, per category, with their labels: the filing form's choices. */
export const NeedCatalogueSchema = Type.Array(
  Type.Object({
    code: Type.Enum(NEED_CATEGORIES),
    label: MessageSchema,
    /** Filed in this category, a complaint is urgent: verified the same working day. */
    urgent: Type.Boolean(),
    types: Type.Array(Type.Object({ code: Type.Enum(ALL_NEED_TYPES), label: MessageSchema })),
  }),
);

export const ScopeSchema = Type.Object({
  role: Type.String(),
  section: Nullable(Type.Enum(SECTIONS)),
  kelurahanCode: Nullable(Type.String()),
  kelurahanName: Nullable(Type.String()),
});
