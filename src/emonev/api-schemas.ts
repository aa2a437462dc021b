/** Request and response schemas of the e-monev API: the single source of validation, types and OpenAPI. */
import { Type, type Static } from 'typebox';
import { Nullable } from '../core/http/schemas.js';
import { REPORT_STATUSES } from './lifecycle.js';

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const Year = Type.Integer({ minimum: 2020, maximum: 2100 });
const Month = Type.Integer({ minimum: 1, maximum: 12 });
const Rupiah = Type.Integer({ minimum: 0, maximum: 1_000_000_000_000_000, description: 'Rupiah' });
const Pct = Type.Number({ minimum: 0, maximum: 100 });
/** Kepmendagri 050 codes: digits and letters in dot-separated parts (1.03.10, 1.03.10.2.01.0015). */
const Code = Type.String({ pattern: '^[0-9A-Z]{1,4}(\\.[0-9A-Z]{1,4}){0,7}$', maxLength: 40 });
const Name = Type.String({ minLength: 3, maxLength: 300 });
const TrackingNumber = Type.String({ pattern: '^[A-Z]{2,6}-\\d{4}-\\d{6,}$', maxLength: 30, description: 'An aduan tracking number, e.g. DMI-2026-000123' });
/** A point in Indonesia (a lax bound; the map shows where it is). */
export const LocationSchema = Type.Object({ lat: Type.Number({ minimum: -11, maximum: 6 }), lng: Type.Number({ minimum: 95, maximum: 141 }) });

export const IdParams = Type.Object({ id: Id });
export const PhotoParams = Type.Object({ id: Id, photoId: Type.String({ format: 'uuid' }) });
export const LinkParams = Type.Object({ id: Id, trackingNumber: TrackingNumber });
export const TrackingParams = Type.Object({ trackingNumber: TrackingNumber });

const PlanSchema = Type.Object({
  physical: Type.Array(Pct, { minItems: 12, maxItems: 12, description: 'Cumulative physical target (%) at the end of each month, January first' }),
  financial: Type.Array(Rupiah, { minItems: 12, maxItems: 12, description: 'Cumulative spending target (Rp) at the end of each month' }),
});

export const SubActivityInputSchema = Type.Object({
  code: Code,
  name: Name,
  budget: Rupiah,
  output: Type.String({ minLength: 3, maxLength: 500, description: 'Output indicator and its target, e.g. "Rehabilitasi jalan 2,4 km"' }),
  plan: PlanSchema,
  location: Type.Optional(LocationSchema),
});
export const DpaInputSchema = Type.Object({
  opdCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'The OPD; default the caller’s own (the desk names it)' })),
  year: Year,
  programmes: Type.Array(
    Type.Object({
      code: Code,
      name: Name,
      activities: Type.Array(Type.Object({ code: Code, name: Name, subActivities: Type.Array(SubActivityInputSchema, { minItems: 1, maxItems: 200 }) }), { minItems: 1, maxItems: 100 }),
    }),
    { minItems: 1, maxItems: 50 },
  ),
});
export type DpaInput = Static<typeof DpaInputSchema>;
export const DpaResultSchema = Type.Object({ opdCode: Type.String(), year: Type.Integer(), subActivities: Type.Integer() });

export const ListQuery = Type.Object({ year: Year, opd: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'OPD code (city readers; OPD staff always see their own)' })) });
export const EvaluationQuery = Type.Object({ year: Year, month: Month, opd: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })) });

const OpdRef = Type.Object({ code: Type.String(), name: Type.String() });
const Flags = {
  /** Months due without any submission (late), January first. */
  lateMonths: Type.Array(Type.Integer()),
  /** The latest reported month's physical realisation is behind plan by more than the threshold. */
  lagging: Type.Boolean(),
};
const MonthFigures = Type.Object({
  month: Type.Integer(),
  status: Type.Enum(REPORT_STATUSES),
  physicalPct: Type.Number(),
  financialRp: Type.Integer(),
  planPhysicalPct: Type.Number(),
  planFinancialRp: Type.Integer(),
  /** Realisation minus plan, percentage points. */
  physicalDeviation: Type.Number(),
  submittedLate: Type.Boolean(),
});

export const SubActivitySchema = Type.Object({
  id: Type.Integer(),
  opd: OpdRef,
  year: Type.Integer(),
  programme: Type.Object({ code: Type.String(), name: Type.String() }),
  activity: Type.Object({ code: Type.String(), name: Type.String() }),
  code: Type.String(),
  name: Type.String(),
  budget: Type.Integer(),
  output: Type.String(),
  plan: PlanSchema,
  location: Nullable(LocationSchema),
  complaints: Type.Integer({ description: 'Complaints linked' }),
  reports: Type.Array(Type.Object({ id: Type.Integer(), month: Type.Integer(), status: Type.Enum(REPORT_STATUSES) })),
  latest: Nullable(MonthFigures),
  ...Flags,
});
export const SubActivityListSchema = Type.Object({ items: Type.Array(SubActivitySchema), lagPoints: Type.Integer(), dueWorkingDays: Type.Integer() });
export const SubActivityDetailSchema = Type.Object({ ...SubActivitySchema.properties, linkedComplaints: Type.Array(Type.Object({ trackingNumber: Type.String(), linkedAt: Type.String({ format: 'date-time' }) })) });

export const ReportInputSchema = Type.Object({
  month: Month,
  physicalPct: Pct,
  financialRp: Rupiah,
  notes: Type.Optional(Type.String({ maxLength: 4000 })),
  photoIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 10, description: 'Photos uploaded through /uploads' })),
  location: Type.Optional(LocationSchema),
});
export type ReportInput = Static<typeof ReportInputSchema>;
export const ReportEditSchema = Type.Partial(Type.Object({ ...Type.Omit(ReportInputSchema, ['month']).properties, location: Nullable(LocationSchema) }), { minProperties: 1 });
export type ReportEdit = Static<typeof ReportEditSchema>;
export const StepSchema = Type.Object({ note: Type.Optional(Type.String({ minLength: 1, maxLength: 4000, description: 'Required to return: the reasons, shown to the OPD' })) });

export const ReportSchema = Type.Object({
  id: Type.Integer(),
  subActivity: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), output: Type.String(), opd: OpdRef, year: Type.Integer(), budget: Type.Integer() }),
  ...MonthFigures.properties,
  notes: Type.String(),
  location: Nullable(LocationSchema),
  dueAt: Type.String({ format: 'date-time' }),
  firstSubmittedAt: Nullable(Type.String({ format: 'date-time' })),
  returnReason: Nullable(Type.String()),
  lagging: Type.Boolean(),
  actions: Type.Array(Type.String(), { description: 'What the caller may do now' }),
  photos: Type.Array(Type.Object({ id: Type.String(), url: Type.String(), width: Type.Integer(), height: Type.Integer() })),
  timeline: Type.Array(
    Type.Object({ at: Type.String({ format: 'date-time' }), actorName: Nullable(Type.String()), actorRole: Type.String(), action: Type.String(), toStatus: Type.String(), note: Nullable(Type.String()) }),
  ),
});

export const LinkInputSchema = Type.Object({ trackingNumbers: Type.Array(TrackingNumber, { minItems: 1, maxItems: 200, uniqueItems: true }) });
export const LinkResultSchema = Type.Object({ linked: Type.Integer(), linkedComplaints: Type.Array(Type.Object({ trackingNumber: Type.String(), linkedAt: Type.String({ format: 'date-time' }) })) });

export const PublicActivitiesSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      output: Type.String(),
      opdName: Type.String(),
      year: Type.Integer(),
      budget: Type.Integer(),
      /** The latest accepted realisation, if any. */
      physicalPct: Nullable(Type.Number()),
      month: Nullable(Type.Integer()),
    }),
  ),
});

const Share = Type.Object({ met: Type.Integer(), decided: Type.Integer(), share: Nullable(Type.Number()) });
export const EvaluationSchema = Type.Object({
  opd: OpdRef,
  year: Type.Integer(),
  month: Type.Integer(),
  dueAt: Type.String({ format: 'date-time' }),
  rows: Type.Array(
    Type.Object({
      id: Type.Integer(),
      code: Type.String(),
      name: Type.String(),
      budget: Type.Integer(),
      planPhysicalPct: Type.Number(),
      planFinancialRp: Type.Integer(),
      report: Nullable(Type.Object({ id: Type.Integer(), status: Type.Enum(REPORT_STATUSES), physicalPct: Type.Number(), financialRp: Type.Integer(), submittedLate: Type.Boolean() })),
      physicalDeviation: Nullable(Type.Number()),
      late: Type.Boolean(),
      lagging: Type.Boolean(),
      complaints: Type.Integer(),
    }),
  ),
  totals: Type.Object({
    budget: Type.Integer(),
    planFinancialRp: Type.Integer(),
    /** Accepted reports' spending. */
    financialRp: Type.Integer(),
    late: Type.Integer(),
    lagging: Type.Integer(),
    accepted: Type.Integer(),
  }),
  complaints: Type.Object({ received: Type.Integer(), handled: Type.Integer(), followUpSla: Share, resolveSla: Share }),
  ikm: Nullable(Type.Object({ respondents: Type.Integer(), ikm: Nullable(Type.Number()), converted: Nullable(Type.Number()), grade: Nullable(Type.String()) })),
});
