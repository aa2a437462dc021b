import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../core/context.js';
import { requireRole } from '../core/auth/principal.js';
import { MessageSchema, Nullable, problems } from '../core/http/schemas.js';
import { XLSX_MIME } from '../core/export/xlsx.js';
import { REPORT_STATUSES } from '../aduan/index.js';
import { DASHBOARD_ROLES, exportTable, openMap, summary } from './service.js';

const PeriodQuery = Type.Object({
  from: Type.Optional(Type.String({ format: 'date', description: 'First day (WIB), default 29 days before `to`' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Last day (WIB), inclusive; default today' })),
});

const Share = Type.Object({
  met: Type.Integer(),
  decided: Type.Integer({ description: 'Met plus missed; reports still within their deadline are not counted' }),
  share: Nullable(Type.Number()),
});
const Medians = Type.Object(
  { verify: Nullable(Type.Number()), followUp: Nullable(Type.Number()), resolve: Nullable(Type.Number()) },
  { description: 'Median working days (hari kerja): received → verified, disposition → first answer, received → resolved' },
);
const KelurahanCount = Type.Object({ code: Type.String(), name: Type.String(), kecamatan: Type.String(), count: Type.Integer() });

const SummarySchema = Type.Object({
  period: Type.Object({ from: Type.String(), to: Type.String(), generatedAt: Type.String() }),
  unit: Type.Literal('working_days'),
  sla: Type.Object({ verifyWorkingDays: Type.Integer(), followUpWorkingDays: Type.Integer() }),
  exportMaxRows: Type.Integer({ description: 'A longer table is refused (422 export_too_large): choose a shorter period' }),
  totals: Type.Object({
    received: Type.Integer(),
    open: Type.Integer(),
    resolved: Type.Integer(),
    overdue: Type.Integer(),
    verifySla: Share,
    followUpSla: Share,
    resolveSla: Share,
    medians: Medians,
  }),
  byStatus: Type.Array(Type.Object({ code: Type.Enum([...REPORT_STATUSES]), label: MessageSchema, count: Type.Integer() })),
  byCategory: Type.Array(Type.Object({ code: Type.String(), label: MessageSchema, count: Type.Integer() })),
  byKelurahan: Type.Array(KelurahanCount),
  byOpd: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      shortName: Type.String(),
      reports: Type.Integer(),
      dispositions: Type.Integer(),
      followUpSla: Share,
      resolveSla: Share,
      medians: Medians,
      rank: Nullable(Type.Integer()),
    }),
  ),
  trend: Type.Array(Type.Object({ week: Type.String({ description: 'Monday (WIB) starting the week' }), received: Type.Integer(), resolved: Type.Integer() })),
});

const MapSchema = Type.Object({
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  total: Type.Integer({ description: 'Open, non-confidential reports received in the period' }),
  confidentialExcluded: Type.Integer(),
  mode: Type.Enum(['points', 'clusters'] as const),
  points: Type.Array(
    Type.Object({
      trackingNumber: Type.String(),
      lat: Type.Number(),
      lng: Type.Number(),
      status: Type.Enum([...REPORT_STATUSES]),
      statusLabel: MessageSchema,
      category: MessageSchema,
      overdue: Type.Boolean(),
    }),
  ),
  clusters: Type.Array(Type.Object({ lat: Type.Number(), lng: Type.Number(), count: Type.Integer() })),
  capped: Type.Boolean(),
  byKelurahan: Type.Array(KelurahanCount),
});

/** Executive dashboard: city-wide aggregates for executives, admins, auditors and OPD heads. */
export async function dashboardRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['dashboard'];

  r.get(
    '/dashboard/summary',
    {
      schema: {
        tags,
        summary: 'Counts by status, category, kelurahan and OPD; SLA shares, median working days, OPD ranking and weekly trend for a period',
        querystring: PeriodQuery,
        response: { 200: SummarySchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (request) => {
      requireRole(request.principal, DASHBOARD_ROLES);
      return summary(ctx, request.query);
    },
  );

  r.get(
    '/dashboard/map',
    {
      schema: {
        tags,
        summary: `Open reports of the period on a map: points, or grid clusters above a cap; confidential reports left out`,
        querystring: PeriodQuery,
        response: { 200: MapSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (request) => {
      requireRole(request.principal, DASHBOARD_ROLES);
      return openMap(ctx, request.query);
    },
  );

  for (const format of ['csv', 'xlsx'] as const) {
    r.get(
      `/dashboard/export.${format}`,
      {
        schema: {
          tags,
          summary: `The period's reports as ${format.toUpperCase()}, one row per report (no personal data; confidential reports without their title); audited`,
          querystring: Type.Object({ ...PeriodQuery.properties, lang: Type.Optional(Type.Enum(['id', 'en'] as const)) }),
          response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...problems(400, 401, 403, 422) },
        },
      },
      async (request, reply) => {
        const p = requireRole(request.principal, DASHBOARD_ROLES);
        const file = await exportTable(ctx, p, request.query, format, request.ip);
        return reply
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_MIME)
          .header('Content-Disposition', `attachment; filename="${file.name}"`)
          .header('Cache-Control', 'no-store')
          .send(file.data);
      },
    );
  }
}
