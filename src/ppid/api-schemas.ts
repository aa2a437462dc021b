/** Request and response schemas of the PPID API: the single source of validation, types and OpenAPI. */
import { Type } from 'typebox';
import { MessageSchema, Nullable, Page } from '../core/http/schemas.js';
import { DISPUTE_OUTCOMES, OBJECTION_ACTIONS, OBJECTION_REASON_CODES, OBJECTION_STATUSES, type ObjectionAction } from './objection-lifecycle.js';
import { CHANNELS, DELIVERY_METHODS, EXEMPTION_CODES, IDENTITY_TYPES, OBTAIN_METHODS, REQUEST_ACTIONS, REQUEST_STATUSES, type RequestAction } from './lifecycle.js';

const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });

export const RegistrationParams = Type.Object({
  registrationNumber: Type.String({ pattern: '^[A-Z]{2,6}-PPID-\\d{4}-\\d{6,}$', maxLength: 30, description: 'e.g. DMI-PPID-2026-000012' }),
});
/** The secret link's key, for a requester without an account. */
export const SecretQuery = Type.Object({ kunci: Type.Optional(Type.String({ minLength: 20, maxLength: 64 })) });

export const RequestInputSchema = Type.Object({
  identityType: Type.Enum(IDENTITY_TYPES, { description: 'nik (KTP), passport, or entity (a legal entity’s deed or SK number)' }),
  identityNumber: Type.String({ minLength: 3, maxLength: 60 }),
  fullName: Type.String({ minLength: 2, maxLength: 120, description: 'The requester, or the entity’s representative' }),
  entityName: Type.Optional(Type.String({ maxLength: 200 })),
  address: Type.String({ minLength: 5, maxLength: 500 }),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
  phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 -]{8,20}$' })),
  onBehalfOf: Type.Optional(
    Type.String({ maxLength: 200, description: 'Filing for someone else: their name. The signed power of attorney follows (POST …/power-of-attorney); the request is verified only with it.' }),
  ),
  information: Type.String({ minLength: 10, maxLength: 4000, description: 'The information wanted' }),
  purpose: Type.String({ minLength: 5, maxLength: 2000, description: 'What it will be used for' }),
  obtainMethod: Type.Enum(OBTAIN_METHODS),
  deliveryMethod: Type.Enum(DELIVERY_METHODS),
  publicConsent: Type.Optional(Type.Boolean({ description: 'May the answer appear in the public archive (never the requester’s identity)? Default true.' })),
  channel: Type.Optional(Type.Enum(CHANNELS, { description: 'PPID officers only: how the request was received' })),
});

const Deadline = Nullable(Type.Enum(['overdue', 'due_soon', 'on_time'] as const));
const Opd = Nullable(Type.Object({ code: Type.String(), name: Type.String() }));

const summaryFields = {
  registrationNumber: Type.String(),
  status: Type.Enum(REQUEST_STATUSES),
  statusLabel: MessageSchema,
  channel: Type.Enum(CHANNELS),
  information: Type.String(),
  opd: Opd,
  createdAt: Type.String({ format: 'date-time' }),
  receivedAt: Type.String({ format: 'date-time' }),
  verifyDueAt: Type.String({ format: 'date-time' }),
  answerDueAt: Type.String({ format: 'date-time' }),
  extendedAt: Nullable(Type.String({ format: 'date-time' })),
  answeredAt: Nullable(Type.String({ format: 'date-time' })),
  deadline: Deadline,
};

export const SummarySchema = Type.Object(summaryFields);
export const ListSchema = Type.Object({ items: Type.Array(SummarySchema), total: Type.Integer() });
export const ListQuerySchema = Type.Object({
  status: Type.Optional(Type.String({ maxLength: 200, description: 'Comma-separated statuses' })),
  ...Page,
});

const ObjectionSchema = Type.Object({
  status: Type.Enum(OBJECTION_STATUSES),
  reasons: Type.Array(Type.String()),
  statement: Type.String(),
  filedAt: Type.String({ format: 'date-time' }),
  answerDueAt: Type.String({ format: 'date-time', description: 'The Atasan PPID answers within 30 working days' }),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  decisionReason: Nullable(Type.String()),
  disputeDueAt: Nullable(Type.String({ format: 'date-time', description: 'Last day to take it to the Komisi Informasi (14 working days)' })),
  dispute: Nullable(
    Type.Object({
      filedAt: Type.String({ format: 'date-time' }),
      register: Nullable(Type.String()),
      hearings: Type.Array(Type.Object({ date: Type.String(), note: Type.String() })),
      outcome: Nullable(Type.Enum(DISPUTE_OUTCOMES)),
      decidedAt: Nullable(Type.String({ format: 'date-time' })),
      summary: Nullable(Type.String()),
      decisionUrl: Nullable(Type.String({ description: 'The Komisi Informasi’s decision document (PDF)' })),
    }),
  ),
  allowedActions: Type.Array(Type.Enum(OBJECTION_ACTIONS)),
});

const AnswerDocumentSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  mime: Type.String(),
  bytes: Type.Integer(),
  pages: Nullable(Type.Integer()),
  url: Type.String({ description: 'Download (with the secret link for a requester without an account)' }),
});

export const DetailSchema = Type.Object({
  ...summaryFields,
  purpose: Type.String(),
  obtainMethod: Type.Enum(OBTAIN_METHODS),
  deliveryMethod: Type.Enum(DELIVERY_METHODS),
  publicConsent: Type.Boolean(),
  extensionReason: Nullable(Type.String()),
  requester: Type.Object({
    identityType: Type.Enum(IDENTITY_TYPES),
    identityNumber: Type.String({ description: 'Masked' }),
    fullName: Type.String(),
    entityName: Nullable(Type.String()),
    address: Type.String(),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    onBehalfOf: Nullable(Type.String()),
    hasPowerOfAttorney: Type.Boolean(),
    powerOfAttorneyUrl: Nullable(Type.String({ description: 'The power of attorney (PDF), for the requester and the desks' })),
  }),
  answer: Nullable(
    Type.Object({
      notice: Nullable(Type.String()),
      exemptions: Type.Array(Type.String()),
      consequenceTest: Nullable(Type.String()),
      heldBy: Nullable(Type.String()),
      costRupiah: Nullable(Type.Integer()),
      redactions: Type.Array(Type.Object({ part: Type.String(), exemption: Type.String() })),
      noticeUrl: Type.String({ description: 'The written notice (pemberitahuan tertulis) as PDF' }),
      documents: Type.Array(AnswerDocumentSchema),
    }),
  ),
  timeline: Type.Array(
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      action: Type.String(),
      fromStatus: Nullable(Type.String()),
      toStatus: Nullable(Type.String()),
      message: Nullable(Type.String()),
      note: Type.Optional(Nullable(Type.String())),
      actorRole: Type.Optional(Type.String()),
    }),
  ),
  allowedActions: Type.Array(Type.Enum(REQUEST_ACTIONS)),
  /** For the requester: the last moment to object (Pasal 36: 30 working days from the reason), while that is open. */
  objectionDueAt: Nullable(Type.String({ format: 'date-time', description: 'Until when the requester may object; null when no objection can be filed now' })),
  objection: Nullable(ObjectionSchema),
});

export const FiledSchema = Type.Object({
  ...summaryFields,
  /** Shown once: with it, anyone holding the link can follow and withdraw the request. */
  secretLink: Type.String({ description: 'Keep it: the only way to follow the request without an account' }),
  receiptUrl: Type.String(),
});

const Message = Type.Optional(Text(4000));
// At least one letter: checked by the action, whose refusal says what is missing.
const Exemptions = Type.Array(Type.Enum(EXEMPTION_CODES), { maxItems: 10, description: 'Pasal 17 letters a–j (at least one)' });
const Notice = Text(8000, 'The written notice (pemberitahuan tertulis): what is given, how, and why anything is withheld');
const DocumentIds = Type.Optional(
  Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20, uniqueItems: true, description: 'The answer’s documents (POST /uploads/documents), in order; sent by email when the requester chose email' }),
);
const Redactions = Type.Optional(
  Type.Array(Type.Object({ part: Text(500), exemption: Type.Enum(EXEMPTION_CODES) }), { maxItems: 50, description: 'What was blacked out, each with the Pasal 17 letter it relies on' }),
);

/** One POST per action, each with its own body; paths use the domain's words. */
export const ACTION_ROUTES = {
  verify: { path: 'verify', summary: 'PPID Utama: the request is complete; keep it or route it at once to the OPD holding the information', body: { opdCode: Type.Optional(Type.String({ maxLength: 40 })) } },
  ask_clarification: { path: 'ask-clarification', summary: 'PPID: ask the requester to complete or clarify the request (the clock stops until they do)', body: { message: Text(4000) } },
  clarify: { path: 'clarify', summary: 'Requester: the clarified request; its deadlines run afresh from now', body: { information: Type.String({ minLength: 10, maxLength: 4000 }), message: Message } },
  route: { path: 'route', summary: 'PPID Utama: route to the PPID Pelaksana of the OPD holding the information', body: { opdCode: Type.String({ minLength: 1, maxLength: 40 }), message: Message } },
  return_to_utama: { path: 'return', summary: 'PPID Pelaksana: not ours; back to the PPID Utama with a reason', body: { message: Text(4000) } },
  extend: { path: 'extend', summary: 'PPID: extend the deadline once, by 7 working days, with a written reason sent to the requester', body: { message: Text(4000) } },
  grant: { path: 'grant', summary: 'PPID: grant in full (written notice; cost of copies if any)', body: { message: Notice, costRupiah: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })), documentIds: DocumentIds } },
  grant_partly: { path: 'grant-partly', summary: 'PPID: grant in part, with the redactions’ Pasal 17 grounds and consequence test', body: { message: Notice, exemptions: Exemptions, consequenceTest: Text(4000), redactions: Redactions, costRupiah: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })), documentIds: DocumentIds } },
  refuse: { path: 'refuse', summary: 'PPID: refuse under a Pasal 17 exemption, with the consequence test', body: { message: Notice, exemptions: Exemptions, consequenceTest: Text(4000) } },
  not_held: { path: 'not-held', summary: 'PPID: the information is not held (and which body holds it, if known)', body: { message: Notice, heldBy: Type.Optional(Type.String({ maxLength: 300 })) } },
  withdraw: { path: 'withdraw', summary: 'Requester: withdraw the request', body: { message: Message } },
  comment: { path: 'comments', summary: 'PPID: an internal note, or (public=true) a message the requester reads', body: { message: Text(4000), public: Type.Optional(Type.Boolean()) } },
} satisfies Record<RequestAction, { path: string; summary: string; body: Record<string, unknown> }>;

export const ObjectionInputSchema = Type.Object({
  reasons: Type.Array(Type.Enum(OBJECTION_REASON_CODES), { minItems: 1, maxItems: 7, description: 'Pasal 35(1) letters a–g' }),
  statement: Text(4000, 'Why the requester objects'),
});

/** The objection's later steps, one POST each. */
export const OBJECTION_ROUTES = {
  uphold: { path: 'uphold', summary: 'Atasan PPID: uphold the objection, with reasons (the requester is told of the 14 working days to go to the Komisi Informasi)', body: { message: Text(4000) } },
  dismiss: { path: 'dismiss', summary: 'Atasan PPID: dismiss the objection, with reasons (the requester is told of the 14 working days to go to the Komisi Informasi)', body: { message: Text(4000) } },
  file_dispute: { path: 'dispute', summary: 'Requester or PPID Utama: record that a dispute was filed at the Komisi Informasi, with its register number', body: { register: Text(100), message: Message } },
  record_hearing: { path: 'hearings', summary: 'PPID: record a Komisi Informasi hearing date', body: { date: Type.String({ format: 'date' }), message: Message } },
  record_dispute_outcome: {
    path: 'dispute-outcome',
    summary: 'PPID: record the Komisi Informasi’s decision, with its document (POST /uploads/documents)',
    body: { outcome: Type.Enum(DISPUTE_OUTCOMES), message: Text(4000), documentId: Type.String({ format: 'uuid' }) },
  },
} satisfies Record<ObjectionAction, { path: string; summary: string; body: Record<string, unknown> }>;

export const ObjectionListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      registrationNumber: Type.String(),
      information: Type.String(),
      opd: Opd,
      status: Type.Enum(OBJECTION_STATUSES),
      reasons: Type.Array(Type.String()),
      filedAt: Type.String({ format: 'date-time' }),
      answerDueAt: Type.String({ format: 'date-time' }),
      overdue: Type.Boolean(),
    }),
  ),
  total: Type.Integer(),
});

export const ArchiveQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Full-text search (Indonesian) over what was asked and answered' })),
  ...Page,
});

export const ArchiveSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      registrationNumber: Type.String(),
      information: Type.String(),
      status: Type.Enum(REQUEST_STATUSES),
      statusLabel: MessageSchema,
      opd: Opd,
      receivedAt: Type.String({ format: 'date-time' }),
      answerDueAt: Type.String({ format: 'date-time' }),
      answeredAt: Nullable(Type.String({ format: 'date-time' })),
      answer: Nullable(Type.Object({ notice: Nullable(Type.String()), heldBy: Nullable(Type.String()), documents: Type.Array(AnswerDocumentSchema) }, { description: 'Only where nothing was withheld' })),
      exemptions: Type.Array(Type.String()),
    }),
  ),
  total: Type.Integer({ description: 'Matches, counted up to 1,000' }),
  totalCapped: Type.Boolean({ description: 'More than 1,000 match: `total` is then 1,000' }),
});

export const ReportQuerySchema = Type.Object({
  year: Type.Integer({ minimum: 2008, maximum: 2100 }),
});

const Counts = (keys: readonly string[]) => Type.Object(Object.fromEntries(keys.map((k) => [k, Type.Integer()])));
const ReportRowSchema = Type.Object({
  opd: Opd,
  received: Type.Integer(),
  successful: Type.Integer(),
  partiallySuccessful: Type.Integer(),
  rejected: Type.Integer(),
  rejectedByExemption: Counts(EXEMPTION_CODES),
  notHeld: Type.Integer(),
  withdrawn: Type.Integer(),
  open: Type.Integer(),
  answeredLate: Type.Integer(),
  averageWorkingDays: Nullable(Type.Number()),
  objections: Type.Integer(),
  disputes: Type.Integer(),
  disputeOutcomes: Counts(DISPUTE_OUTCOMES),
});
export const ReportSchema = Type.Object({ year: Type.Integer(), rows: Type.Array(ReportRowSchema), total: ReportRowSchema });
