/** Request and response schemas of Satu Data's own API: the single source of validation, types and OpenAPI. */
import { Type, type Static } from 'typebox';
import { MessageSchema, Nullable, Page } from '../core/http/schemas.js';
import { FREQUENCIES, TOPICS, VARIABLE_TYPES, VERSION_ACTIONS, VERSION_STATUSES, type VersionAction } from './lifecycle.js';
import { LICENSE_IDS } from './messages.js';

export const NAME_PATTERN = '^[a-z0-9][a-z0-9_-]{1,99}$';
export const DatasetParams = Type.Object({ name: Type.String({ pattern: NAME_PATTERN, description: 'The dataset’s name, e.g. kondisi-jalan-kota' }) });
export const VersionParams = Type.Object({ name: Type.String({ pattern: NAME_PATTERN }), number: Type.Integer({ minimum: 1 }) });
export const ResourceParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const CSV_LIST = (description: string) => Type.Optional(Type.String({ minLength: 1, maxLength: 400, description }));
export const SearchQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Words (Indonesian full-text) over title, description and tags' })),
  topic: CSV_LIST('Topics, comma-separated'),
  opd: CSV_LIST('Producer OPD codes, comma-separated'),
  year: CSV_LIST('Years covered, comma-separated'),
  format: CSV_LIST('File formats (CSV, XLSX), comma-separated'),
  ...Page,
});
export type SearchQuery = Static<typeof SearchQuerySchema>;

export const VariableSchema = Type.Object({
  name: Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$', description: 'The column’s name in the file (lower case, digits, _)' }),
  label: Type.String({ minLength: 1, maxLength: 200 }),
  definition: Type.String({ minLength: 3, maxLength: 2000, description: 'What the value means and how it is measured' }),
  type: Type.Enum(VARIABLE_TYPES),
  unit: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  optional: Type.Optional(Type.Boolean({ description: 'An empty cell is allowed (a suppressed or unknown value)' })),
  additive: Type.Optional(Type.Boolean({ description: 'False for rates, shares and averages, which get no total (default true)' })),
});

const datasetFields = {
  title: Type.String({ minLength: 5, maxLength: 300 }),
  description: Type.String({ minLength: 10, maxLength: 8000 }),
  topic: Type.Enum(TOPICS),
  frequency: Type.Enum(FREQUENCIES),
  period: Type.String({ minLength: 1, maxLength: 100, description: 'The time covered, e.g. 2019–2025' }),
  unit: Type.String({ minLength: 1, maxLength: 100, description: 'Unit of the main measure, e.g. km, jiwa, laporan' }),
  variables: Type.Array(VariableSchema, { minItems: 1, maxItems: 100 }),
  licenseId: Type.Optional(Type.Enum(LICENSE_IDS, { default: 'CC-BY-4.0' })),
  contactName: Type.String({ minLength: 2, maxLength: 200 }),
  contactEmail: Type.String({ format: 'email', maxLength: 200 }),
  tags: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z0-9][a-z0-9 _.-]{0,59}$' }), { maxItems: 30, uniqueItems: true })),
  regionCodes: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{2}(\\.\\d{2}){0,2}(\\.\\d{4})?$' }), { maxItems: 200, uniqueItems: true, description: 'Kemendagri codes of the regions covered' })),
};

export const CreateSchema = Type.Object({
  name: Type.String({ pattern: NAME_PATTERN, description: 'Address and CKAN name; lower case, digits, - and _' }),
  opdCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'The producer OPD; default the author’s own (the steward names it)' })),
  ...datasetFields,
});
export type CreateInput = Static<typeof CreateSchema>;

export const EditSchema = Type.Partial(Type.Object(datasetFields), { minProperties: 1 });
export type EditInput = Static<typeof EditSchema>;

export const StepSchema = Type.Object({ note: Type.Optional(Type.String({ minLength: 1, maxLength: 4000, description: 'Required to return: the reasons, shown to the producer' })) });
export type StepInput = Static<typeof StepSchema>;

export const STEP_ROUTES = {
  accept: { path: 'accept', summary: 'Walidata: accept the version; it is published, immutable, and the dataset shows it' },
  return: { path: 'return', summary: 'Walidata: return the version to its producer with the reasons' },
  withdraw: { path: 'withdraw', summary: 'Producer: withdraw a version the steward has not decided yet' },
} satisfies Record<VersionAction, { path: string; summary: string }>;

const Opd = Type.Object({ code: Type.String(), name: Type.String() });
const Variable = VariableSchema;
const Resource = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  format: Type.String(),
  bytes: Type.Integer(),
  sha256: Type.String(),
  generated: Type.Boolean(),
  url: Type.String(),
});
const Summary = Type.Object({
  rowCount: Type.Integer(),
  totals: Type.Record(Type.String(), Type.Number()),
  years: Type.Array(Type.Integer()),
  regionCodes: Type.Array(Type.String()),
  preview: Type.Array(Type.Array(Nullable(Type.String()))),
  series: Nullable(Type.Object({ label: Type.String(), measure: Type.String(), by: Type.String(), points: Type.Array(Type.Object({ x: Type.String(), y: Type.Number() })) })),
});
const Diff = Type.Object({
  previousNumber: Type.Integer(),
  rows: Type.Object({ before: Type.Integer(), after: Type.Integer() }),
  totals: Type.Array(Type.Object({ variable: Type.String(), before: Nullable(Type.Number()), after: Nullable(Type.Number()) })),
  yearsAdded: Type.Array(Type.Integer()),
  yearsRemoved: Type.Array(Type.Integer()),
  regionsAdded: Type.Array(Type.String()),
  regionsRemoved: Type.Array(Type.String()),
  variablesAdded: Type.Array(Type.String()),
  variablesRemoved: Type.Array(Type.String()),
});

export const VersionSchema = Type.Object({
  number: Type.Integer(),
  status: Type.Enum(VERSION_STATUSES),
  statusLabel: MessageSchema,
  note: Type.String(),
  submittedAt: Type.String({ format: 'date-time' }),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
  returnReasons: Nullable(Type.String()),
  rowCount: Type.Integer(),
  resources: Type.Array(Resource),
  allowedActions: Type.Array(Type.Enum(VERSION_ACTIONS)),
});

export const VersionDetailSchema = Type.Object({
  ...VersionSchema.properties,
  dataset: Type.Object({ name: Type.String(), title: Type.String(), opd: Opd }),
  variables: Type.Array(Variable),
  summary: Summary,
  diff: Nullable(Diff),
});

const datasetOut = {
  name: Type.String(),
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  description: Type.String(),
  opd: Opd,
  topic: Type.Enum(TOPICS),
  topicLabel: MessageSchema,
  frequency: Type.Enum(FREQUENCIES),
  frequencyLabel: MessageSchema,
  period: Type.String(),
  unit: Type.String(),
  licenseId: Type.String(),
  tags: Type.Array(Type.String()),
  years: Type.Array(Type.Integer()),
  formats: Type.Array(Type.String()),
  platform: Type.Boolean({ description: 'Produced by the platform from its own records' }),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
  modifiedAt: Type.String({ format: 'date-time' }),
};

const FacetItems = Type.Array(Type.Object({ value: Type.String(), label: Type.String(), count: Type.Integer() }));
export const SearchResultSchema = Type.Object({
  items: Type.Array(Type.Object(datasetOut)),
  total: Type.Integer(),
  facets: Type.Object({ topic: FacetItems, opd: FacetItems, year: FacetItems, format: FacetItems }),
});

export const DatasetDetailSchema = Type.Object({
  ...datasetOut,
  variables: Type.Array(Variable),
  contactName: Type.String(),
  contactEmail: Type.String(),
  regionCodes: Type.Array(Type.String()),
  license: Type.Object({ id: Type.String(), title: Type.String(), url: Type.String() }),
  /** The published version's table in brief, for the page's preview and chart. */
  current: Nullable(Type.Object({ number: Type.Integer(), summary: Summary })),
  versions: Type.Array(VersionSchema, { description: 'Published ones for everyone; every one for the producer OPD and the steward' }),
  history: Type.Array(
    Type.Object({ at: Type.String({ format: 'date-time' }), action: Type.String(), actorRole: Type.String(), version: Nullable(Type.Integer()), note: Nullable(Type.String()) }),
    { description: 'For the producer OPD and the steward; empty for everyone else' },
  ),
  canSubmit: Type.Boolean({ description: 'The caller may submit a new version' }),
});

export const DeskSchema = Type.Object({
  waiting: Type.Array(Type.Object({ dataset: Type.Object({ name: Type.String(), title: Type.String(), opd: Opd }), number: Type.Integer(), note: Type.String(), submittedAt: Type.String({ format: 'date-time' }), rowCount: Type.Integer() })),
  datasets: Type.Array(Type.Object({ name: Type.String(), title: Type.String(), opd: Opd, published: Type.Boolean(), modifiedAt: Type.String({ format: 'date-time' }) })),
});
