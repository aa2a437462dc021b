/** Request and response schemas of the public-services API: the single source of validation, types and OpenAPI. */
import { Type } from 'typebox';
import { MessageSchema, Nullable, Page } from '../core/http/schemas.js';
import { FIELD_TYPES, FILE_KINDS, KEY_PATTERN, MAX_FIELDS, SATISFIED_BY, STEP_KINDS, STEP_ROLES } from './form/definition.js';
import { APPLICATION_ACTIONS, APPLICATION_STATUSES, AUDIENCES, CHANNELS, type ApplicationAction } from './lifecycle.js';

const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Key = Type.String({ pattern: KEY_PATTERN, maxLength: 40 });
const Label = Type.Object({ id: Text(200), en: Text(200) });
const LongText = Type.Object({ id: Text(4000), en: Text(4000) });

export const ServiceCodeParams = Type.Object({ code: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,39}$', description: 'e.g. sk-domisili' }) });
export const NumberParams = Type.Object({ number: Type.String({ pattern: '^[A-Z]{2,6}-LYN-\\d{4}-\\d{6,}$', maxLength: 30, description: 'e.g. DMI-LYN-2026-000012' }) });

/* Service definitions */

const Scalar = Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()]);
const LeafCondition = Type.Union([
  Type.Object({ field: Key, equals: Scalar }, { additionalProperties: false }),
  Type.Object({ field: Key, in: Type.Array(Type.Union([Type.String({ maxLength: 200 }), Type.Number()]), { minItems: 1, maxItems: 50 }) }, { additionalProperties: false }),
  Type.Object({ field: Key, filled: Type.Boolean() }, { additionalProperties: false }),
]);
const ConditionSchema = Type.Union([
  LeafCondition,
  Type.Object({ all: Type.Array(LeafCondition, { minItems: 1, maxItems: 10 }) }, { additionalProperties: false }),
  Type.Object({ any: Type.Array(LeafCondition, { minItems: 1, maxItems: 10 }) }, { additionalProperties: false }),
  Type.Object({ not: LeafCondition }, { additionalProperties: false }),
]);

const fieldProps = {
  key: Key,
  type: Type.Enum(FIELD_TYPES),
  label: Label,
  help: Type.Optional(Label),
  required: Type.Optional(Type.Boolean()),
  minLength: Type.Optional(Type.Integer({ minimum: 0, maximum: 4000 })),
  maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 4000 })),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  integer: Type.Optional(Type.Boolean()),
  minDate: Type.Optional(Type.String({ maxLength: 10 })),
  maxDate: Type.Optional(Type.String({ maxLength: 10 })),
  options: Type.Optional(Type.Array(Type.Object({ value: Type.String({ minLength: 1, maxLength: 100 }), label: Label }), { maxItems: 100 })),
  multiple: Type.Optional(Type.Boolean()),
  when: Type.Optional(ConditionSchema),
};
const LeafField = Type.Object(fieldProps, { additionalProperties: false });
const FieldSchema = Type.Object(
  { ...fieldProps, fields: Type.Optional(Type.Array(LeafField, { maxItems: 30 })), repeatable: Type.Optional(Type.Object({ min: Type.Integer({ minimum: 0, maximum: 50 }), max: Type.Integer({ minimum: 1, maximum: 50 }) })) },
  { additionalProperties: false },
);

const RequirementSchema = Type.Object(
  {
    key: Key,
    label: Label,
    description: Type.Optional(Label),
    required: Type.Boolean(),
    kinds: Type.Array(Type.Enum(FILE_KINDS), { maxItems: 2, uniqueItems: true }),
    maxBytes: Type.Integer({ minimum: 10_000, maximum: 50 * 1024 * 1024 }),
    satisfiedBy: Type.Optional(Type.Enum(SATISFIED_BY)),
  },
  { additionalProperties: false },
);
const StepSchema = Type.Object(
  { key: Key, name: Label, kind: Type.Enum(STEP_KINDS), role: Type.Enum(STEP_ROLES), workingDays: Type.Integer({ minimum: 1, maximum: 60 }) },
  { additionalProperties: false },
);
const OutputSchema = Type.Object({ title: Text(200), body: Text(8000), validMonths: Nullable(Type.Integer({ minimum: 1, maximum: 120 })) }, { additionalProperties: false });

export const VersionInputSchema = Type.Object(
  {
    form: Type.Object({ fields: Type.Array(FieldSchema, { maxItems: MAX_FIELDS }) }, { additionalProperties: false }),
    requirements: Type.Array(RequirementSchema, { maxItems: 30 }),
    steps: Type.Array(StepSchema, { minItems: 2, maxItems: 10 }),
    output: OutputSchema,
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

const serviceProps = {
  audience: Type.Enum(AUDIENCES, { description: 'citizens, businesses, or opd (an internal service OPD staff apply for)' }),
  name: Label,
  description: LongText,
  legalBasis: Text(2000),
  feeRupiah: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
  feeNote: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  standardDays: Type.Integer({ minimum: 1, maximum: 120, description: 'Service standard time in working days' }),
};
export const ServiceInputSchema = Type.Object(
  { code: ServiceCodeParams.properties.code, opdCode: Type.Optional(Type.String({ maxLength: 40, description: 'Super admin only: the owning OPD' })), ...serviceProps },
  { additionalProperties: false },
);
export const ServiceChangeSchema = Type.Object(
  {
    audience: Type.Optional(serviceProps.audience),
    name: Type.Optional(Label),
    description: Type.Optional(LongText),
    legalBasis: Type.Optional(Text(2000)),
    feeRupiah: Type.Optional(serviceProps.feeRupiah),
    feeNote: serviceProps.feeNote,
    standardDays: Type.Optional(serviceProps.standardDays),
    open: Type.Optional(Type.Boolean({ description: 'false: closed to new applications' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

const Opd = Type.Object({ code: Type.String(), name: Type.String() });
const serviceSummary = {
  code: Type.String(),
  name: MessageSchema,
  description: MessageSchema,
  audience: Type.Enum(AUDIENCES),
  opd: Opd,
  feeRupiah: Type.Integer(),
  feeNote: Nullable(Type.String()),
  standardDays: Type.Integer(),
  currentVersion: Nullable(Type.Integer()),
  open: Type.Boolean(),
};
export const CatalogueSchema = Type.Object({ items: Type.Array(Type.Object(serviceSummary)), total: Type.Integer() });
export const CatalogueQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  audience: Type.Optional(Type.Enum(AUDIENCES)),
  mine: Type.Optional(Type.Boolean({ description: 'OPD admins: their OPD’s services, unpublished ones too' })),
  ...Page,
});
const Definition = Type.Unsafe<unknown>({ type: 'object', additionalProperties: true });
export const ServiceDetailSchema = Type.Object({
  ...serviceSummary,
  legalBasis: Type.String(),
  editable: Type.Boolean(),
  version: Nullable(
    Type.Object({
      version: Type.Integer(),
      publishedAt: Type.String({ format: 'date-time' }),
      form: Definition,
      requirements: Type.Array(Definition),
      steps: Type.Array(Definition),
      output: Definition,
    }),
  ),
});
export const PublishedSchema = Type.Object({ code: Type.String(), version: Type.Integer() });

/* Applications */

const Answers = Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), { description: 'The form’s answer, keyed by field (groups as objects, repeatable groups as lists)' });
export const FilingSchema = Type.Object(
  {
    serviceCode: ServiceCodeParams.properties.code,
    answers: Type.Optional(Answers),
    submit: Type.Optional(Type.Boolean({ description: 'Submit at once (only when no requirement is left to upload); otherwise a draft' })),
    applicant: Type.Optional(
      Type.Object(
        {
          fullName: Text(120, 2),
          nik: Type.String({ minLength: 16, maxLength: 24 }),
          phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 -]{8,20}$' })),
          email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
        },
        { additionalProperties: false, description: 'Counter mode: the walk-in applicant an officer of the service’s OPD files for (recorded as assisted)' },
      ),
    ),
  },
  { additionalProperties: false },
);
export const AnswersInputSchema = Type.Object({ answers: Answers }, { additionalProperties: false });

const Deadline = Nullable(Type.Enum(['overdue', 'due_soon', 'on_time'] as const));
const StepView = Type.Object({ key: Type.String(), name: MessageSchema, kind: Type.Enum(STEP_KINDS), role: Type.Enum(STEP_ROLES), workingDays: Type.Integer() });
const summaryFields = {
  number: Type.String(),
  status: Type.Enum(APPLICATION_STATUSES),
  statusLabel: MessageSchema,
  channel: Type.Enum(CHANNELS),
  service: Type.Object({ code: Type.String(), name: MessageSchema, opd: Opd }),
  step: Nullable(StepView),
  applicantName: Type.String(),
  applicantOpd: Nullable(Opd),
  createdAt: Type.String({ format: 'date-time' }),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  stepDueAt: Nullable(Type.String({ format: 'date-time' })),
  dueAt: Nullable(Type.String({ format: 'date-time' })),
  deadline: Deadline,
};
export const ApplicationListSchema = Type.Object({ items: Type.Array(Type.Object(summaryFields)), total: Type.Integer({ description: 'Counted up to 1,000' }) });
export const ApplicationListQuerySchema = Type.Object({
  status: Type.Optional(Type.String({ maxLength: 200, description: 'Comma-separated statuses (default for the inbox: those waiting on the OPD)' })),
  step: Type.Optional(Key),
  service: Type.Optional(ServiceCodeParams.properties.code),
  ...Page,
});

const FileView = Type.Object({ id: Type.String(), name: Type.String(), uploadedAt: Type.String({ format: 'date-time' }), url: Type.String() });
export const ApplicationDetailSchema = Type.Object({
  ...summaryFields,
  version: Type.Integer(),
  applicant: Type.Object({ name: Type.String(), nik: Nullable(Type.String()), phone: Nullable(Type.String()), email: Nullable(Type.String()), assisted: Type.Boolean() }),
  answers: Type.Record(Type.String(), Type.Unknown()),
  form: Definition,
  requirements: Type.Array(
    Type.Object({
      key: Type.String(),
      label: MessageSchema,
      description: Nullable(MessageSchema),
      required: Type.Boolean(),
      kinds: Type.Array(Type.Enum(FILE_KINDS)),
      maxBytes: Type.Integer(),
      satisfiedByData: Type.Boolean(),
      file: Nullable(FileView),
    }),
  ),
  files: Type.Array(Type.Object({ key: Type.String(), ...FileView.properties })),
  steps: Type.Array(
    Type.Object({
      ...StepView.properties,
      state: Type.Enum(['done', 'current', 'pending'] as const),
      doneAt: Nullable(Type.String({ format: 'date-time' })),
      dueAt: Nullable(Type.String({ format: 'date-time' })),
    }),
  ),
  correction: Nullable(Type.Object({ note: Type.String(), requirements: Type.Array(Type.String()), fields: Type.Array(Type.String()), at: Type.String() })),
  welfare: Nullable(
    Type.Object(
      { listed: Type.Boolean(), period: Nullable(Type.String()), decile: Nullable(Type.Integer()), programmes: Type.Array(Type.String()) },
      { description: 'The desk only, for a service that asks: the household’s standing in the welfare register (DTKS), by the applicant’s and the members’ NIKs' },
    ),
  ),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  issuedAt: Nullable(Type.String({ format: 'date-time' })),
  documentNumber: Nullable(Type.String()),
  documentUrl: Nullable(Type.String()),
  timeline: Type.Array(
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      action: Type.String(),
      step: Nullable(Type.String()),
      fromStatus: Nullable(Type.String()),
      toStatus: Nullable(Type.String()),
      message: Nullable(Type.String()),
      note: Type.Optional(Nullable(Type.String())),
      actorRole: Type.Optional(Type.String()),
    }),
  ),
  allowedActions: Type.Array(Type.Enum(APPLICATION_ACTIONS)),
});

const Message = Type.Optional(Type.String({ minLength: 1, maxLength: 4000 }));
/** Each lifecycle step's route: its path and body. */
export const ACTION_ROUTES: Record<ApplicationAction, { path: string; summary: string; body: Record<string, unknown> }> = {
  submit: { path: 'submit', summary: 'Applicant: submit the draft (the whole answer and every required requirement are checked; one 422 names all that is missing)', body: {} },
  pass: { path: 'pass', summary: 'Officer of the current review step: passed on to the next step (optional message to the applicant)', body: { message: Message } },
  request_correction: {
    path: 'request-correction',
    summary: 'Officer of the current step: send back for correction, naming the requirements to upload again and the fields to answer again; the step’s clock stops',
    body: { message: Message, requirements: Type.Optional(Type.Array(Key, { maxItems: 30 })), fields: Type.Optional(Type.Array(Key, { maxItems: 80 })) },
  },
  resubmit: { path: 'resubmit', summary: 'Applicant: answer the correction (the files asked for uploaded again); back to the same step with its time running anew', body: { message: Message } },
  approve: { path: 'approve', summary: 'Approver (approval step): approve; on to issuance', body: { message: Message } },
  reject: { path: 'reject', summary: 'Officer of the current step (before issuance): reject with the reason', body: { message: Message } },
  issue: { path: 'issue', summary: 'Officer of the issuance step: render the service’s document, have it signed with its verification QR code, and close the application', body: { message: Message } },
  withdraw: { path: 'withdraw', summary: 'Applicant: withdraw while not yet decided', body: { message: Message } },
  comment: { path: 'comment', summary: 'The handling desk: a note (internal) or a message to the applicant (public: true)', body: { message: Message, public: Type.Optional(Type.Boolean()) } },
};

/* Integration with OPD systems */

export const WebhookInputSchema = Type.Object(
  {
    url: Type.String({ minLength: 8, maxLength: 500, description: 'http(s) address the events are posted to' }),
    secret: Type.String({ minLength: 16, maxLength: 200, description: 'Shared secret of the HMAC-SHA256 signature; stored encrypted, never shown again' }),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const WebhookLogSchema = Type.Object({
  webhook: Nullable(Type.Object({ url: Type.String(), active: Type.Boolean(), updatedAt: Type.String({ format: 'date-time' }) })),
  deliveries: Type.Array(
    Type.Object({
      id: Type.Integer(),
      event: Type.String(),
      application: Type.String(),
      status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
      attempts: Type.Integer(),
      lastStatusCode: Nullable(Type.Integer()),
      lastError: Nullable(Type.String()),
      nextAttemptAt: Nullable(Type.String({ format: 'date-time' })),
      createdAt: Type.String({ format: 'date-time' }),
      deliveredAt: Nullable(Type.String({ format: 'date-time' })),
    }),
  ),
});

export const ApiKeyInputSchema = Type.Object({ name: Text(100) }, { additionalProperties: false });
export const ApiKeyIssuedSchema = Type.Object({ id: Type.Integer(), name: Type.String(), createdAt: Type.String({ format: 'date-time' }), key: Type.String({ description: 'Shown this once; only its hash is kept' }) });
export const ApiKeyListSchema = Type.Array(
  Type.Object({ id: Type.Integer(), name: Type.String(), issuedBy: Type.String(), createdAt: Type.String({ format: 'date-time' }), lastUsedAt: Nullable(Type.String({ format: 'date-time' })), revokedAt: Nullable(Type.String({ format: 'date-time' })) }),
);
export const ApiKeyParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** An application as the webhook and the incoming API give it: no NIK in clear, no answer. */
export const ApplicationFactsSchema = Type.Object({
  number: Type.String(),
  service: Type.String(),
  status: Type.Enum(APPLICATION_STATUSES),
  step: Nullable(Type.Object({ key: Type.String(), kind: Type.String(), dueAt: Nullable(Type.String({ format: 'date-time' })) })),
  dueAt: Nullable(Type.String({ format: 'date-time' })),
  channel: Type.Enum(CHANNELS),
  nikMasked: Nullable(Type.String()),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  updatedAt: Type.String({ format: 'date-time' }),
  documentNumber: Nullable(Type.String()),
});
export const ChangedQuerySchema = Type.Object({
  since: Type.Optional(Type.String({ format: 'date-time', description: 'Only applications changed after this moment (the last item’s updatedAt)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export const ChangedListSchema = Type.Object({ items: Type.Array(Type.Object({ ...ApplicationFactsSchema.properties, applicantName: Type.String() })) });
