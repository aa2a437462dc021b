/** Request and response schemas of the SKM API: the single source of validation, types and OpenAPI. */
import { Type } from 'typebox';
import { MessageSchema, Nullable } from '../core/http/schemas.js';
import { AGE_BANDS, EDUCATIONS, OCCUPATIONS, SEXES, UNSUR_COUNT } from './regulation.js';
import { ANSWER_SOURCES, UNIT_KINDS } from './schema.js';

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const UnitParams = Type.Object({ unitId: Id });
export const PeriodParams = Type.Object({ periodId: Id });
export const PeriodUnitParams = Type.Object({ periodId: Id, unitId: Id });
export const KeyParams = Type.Object({ key: Type.String({ pattern: '^[A-Za-z0-9_-]{8,40}$', description: 'The unit’s public link key' }) });
export const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,64}$', description: 'The invitation’s single-use link' }) });

export const AnswerInputSchema = Type.Object({
  scores: Type.Array(Type.Integer({ minimum: 1, maximum: 4 }), {
    minItems: UNSUR_COUNT,
    maxItems: UNSUR_COUNT,
    description: 'The nine unsur U1–U9 in the regulation’s order, each 1 (tidak baik) … 4 (sangat baik)',
  }),
  sex: Type.Optional(Type.Enum(SEXES)),
  ageBand: Type.Optional(Type.Enum(AGE_BANDS)),
  education: Type.Optional(Type.Enum(EDUCATIONS)),
  occupation: Type.Optional(Type.Enum(OCCUPATIONS)),
  suggestion: Type.Optional(Type.String({ maxLength: 2000, description: 'Open suggestion; never published' })),
});
export const PaperInputSchema = Type.Object({ ...AnswerInputSchema.properties, answeredOn: Day });
export const AnsweredSchema = Type.Object({ id: Type.Integer() });

export const UnitSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(UNIT_KINDS),
  ref: Type.String(),
  name: Type.String(),
  publicKey: Type.String(),
  population: Nullable(Type.Integer()),
});
export const UnitListSchema = Type.Object({ items: Type.Array(UnitSchema) });
export const PopulationInputSchema = Type.Object({ population: Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000 })) });

export const FormSchema = Type.Object({ unit: Type.Object({ id: Type.Integer(), name: Type.String() }), answered: Type.Boolean() });

export const PeriodSchema = Type.Object({ id: Type.Integer(), name: Type.String(), startsOn: Type.String(), endsOn: Type.String() });
export const PeriodInputSchema = Type.Object({ name: Type.String({ minLength: 3, maxLength: 80 }), startsOn: Day, endsOn: Day });
export const PeriodListSchema = Type.Object({ items: Type.Array(PeriodSchema) });

const Count = Type.Object({ value: Nullable(Type.String()), n: Type.Integer() });
export const ResultsSchema = Type.Object({
  unit: Type.Object({ id: Type.Integer(), kind: Type.Enum(UNIT_KINDS), name: Type.String() }),
  period: PeriodSchema,
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
  respondents: Type.Integer(),
  population: Nullable(Type.Integer()),
  minimumSample: Nullable(Type.Integer({ description: 'Krejcie & Morgan, for the unit’s yearly population' })),
  sampleSufficient: Nullable(Type.Boolean()),
  unsur: Type.Array(Type.Object({ code: Type.String(), name: MessageSchema, total: Type.Integer(), nrr: Nullable(Type.Number()), weighted: Nullable(Type.Number()) })),
  ikm: Nullable(Type.Number({ description: 'Σ NRR tertimbang (1–4)' })),
  converted: Nullable(Type.Number({ description: 'IKM × 25 (25–100)' })),
  band: Nullable(Type.Object({ grade: Type.Enum(['A', 'B', 'C', 'D'] as const), label: MessageSchema })),
  profile: Type.Array(Type.Object({ question: Type.String(), counts: Type.Array(Count) })),
  intervals: Type.Array(
    Type.Object({ grade: Type.String(), label: MessageSchema, ikmFrom: Type.Number(), ikmTo: Type.Number(), convertedFrom: Type.Number(), convertedTo: Type.Number() }),
  ),
});
export const PublishedListSchema = Type.Object({ items: Type.Array(ResultsSchema) });
export const FormatParams = Type.Object({ ...PeriodUnitParams.properties, format: Type.Enum(['csv', 'xlsx', 'pdf'] as const) });

export const AnswerListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      source: Type.Enum(ANSWER_SOURCES),
      answeredAt: Type.String({ format: 'date-time' }),
      scores: Type.Array(Type.Integer()),
      sex: Nullable(Type.String()),
      ageBand: Nullable(Type.String()),
      education: Nullable(Type.String()),
      occupation: Nullable(Type.String()),
      suggestion: Nullable(Type.String()),
    }),
  ),
});
export const PageQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })) });
