import type { RouteOptions } from 'fastify';
import { buildApp } from '../../app.js';
import type { AppContext } from '../../core/context.js';
import type { JsonSchema } from './schema-values.js';

export interface RouteInfo {
  method: string;
  url: string;
  /** "POST /api/v1/reports": the key of the access matrix. */
  key: string;
  schema: { body?: JsonSchema; querystring?: JsonSchema; params?: JsonSchema; headers?: JsonSchema; consumes?: string[]; hide?: boolean };
}

/** Every route the real app registers (HEAD twins of GET routes left out: they run the same handler). */
export async function routeTable(ctx: AppContext): Promise<RouteInfo[]> {
  const seen: RouteOptions[] = [];
  const app = await buildApp(ctx, { onRoute: (route) => seen.push(route) });
  await app.ready();
  await app.close();
  const routes: RouteInfo[] = [];
  for (const route of seen) {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD' && seen.some((r) => r.url === route.url && [r.method].flat().includes('GET'))) continue;
      routes.push({ method, url: route.url, key: `${method} ${route.url}`, schema: (route.schema ?? {}) as RouteInfo['schema'] });
    }
  }
  return routes;
}

/**
 * Built web-app files (one hidden route per file, renamed by every build) and the SPA fallback:
 * public by nature, outside the API. Hidden routes the matrix names (such as /metrics) are not assets.
 */
export const isWebAsset = (r: RouteInfo, matrix: Record<string, unknown>): boolean =>
  r.method === 'GET' && r.schema.hide === true && !r.url.startsWith('/api/') && !r.url.startsWith('/open311/') && !(r.key in matrix);

/** The route's path with its parameters filled in (unnamed ones from the schema's example). */
export function pathOf(route: RouteInfo, values: Record<string, unknown>, example: (s: JsonSchema) => unknown): string {
  const params = { ...(example(route.schema.params ?? {}) as Record<string, unknown>), ...values };
  return route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name]))).replace(/\*$/, 'index.html');
}
