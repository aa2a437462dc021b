import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../core/context.js';
import { requireUser } from '../core/auth/principal.js';
import { MessageSchema, problems } from '../core/http/schemas.js';
import { TrackingParams } from './api-schemas.js';
import { REPORT_STATUSES } from './lifecycle.js';
import { similarReports } from './similar.js';

const SimilarSchema = Type.Object({
  trackingNumber: Type.String(),
  title: Type.String(),
  status: Type.Enum(REPORT_STATUSES),
  statusLabel: MessageSchema,
  category: Type.Object({ code: Type.String(), name: MessageSchema }),
  kelurahanName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  distanceM: Type.Integer({ description: 'Metres from the report' }),
  textScore: Type.Number({ description: 'Share of Indonesian word stems in common (0–1)' }),
});

export async function similarRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/reports/:trackingNumber/similar',
    {
      schema: {
        tags: ['aduan'],
        summary: 'Triage: open reports nearby in the same or a sibling category, likely duplicates to merge',
        params: TrackingParams,
        querystring: Type.Object({
          radius: Type.Optional(Type.Integer({ minimum: 10, maximum: 5000, default: 500, description: 'Metres' })),
          days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 30, description: 'Filed within this many days before or after' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
        }),
        response: { 200: Type.Array(SimilarSchema), ...problems(401, 403, 404) },
      },
    },
    async (request) =>
      similarReports(ctx, requireUser(request.principal), request.params.trackingNumber, {
        radiusM: request.query.radius ?? 500,
        days: request.query.days ?? 30,
        limit: request.query.limit ?? 10,
      }),
  );
}
