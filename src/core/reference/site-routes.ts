import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { cities } from './schema.js';

const SiteSchema = Type.Object({
  city: Type.Object({ code: Type.String(), name: Type.String(), lat: Type.Number(), lng: Type.Number() }),
  map: Type.Object({ tileUrl: Type.String(), attribution: Type.String() }),
  trackingPrefix: Type.String(),
});

/** What the web app needs before anything else: the tenant, where its map opens, which tiles to use. */
export async function siteRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get(
    '/site',
    { schema: { tags: ['reference'], summary: 'Public site configuration: city, map centre, map tile server', security: [], response: { 200: SiteSchema } } },
    async (_request, reply) => {
      const [city] = await ctx.db.select().from(cities).where(eq(cities.code, ctx.config.city.code));
      reply.header('Cache-Control', 'public, max-age=300');
      return {
        city: { code: ctx.config.city.code, name: city?.name ?? ctx.config.city.name, lat: city?.lat ?? 0, lng: city?.lng ?? 0 },
        map: ctx.config.map,
        trackingPrefix: ctx.config.city.trackingPrefix,
      };
    },
  );
}
