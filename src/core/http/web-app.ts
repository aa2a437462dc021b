import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Config } from '../../config.js';
import type { AppContext } from '../context.js';
import type { KhidmatModule } from '../module.js';
import { AppError } from '../errors.js';
import { routeNotFound, sendProblem } from './problem.js';
import { within } from '../within.js';
import { matchPath, withPageMeta, type PageMeta } from './page-meta.js';
import { siteUrlOf } from './site-url.js';

/**
 * Serves the built web app from the same origin as the API: hashed assets cached for a year
 * (pre-compressed gzip/brotli for slow networks), index.html and the service worker never cached,
 * and every other page path answered with index.html so the client router takes over; a page a
 * module describes (`pages`) gets its title and sharing tags in that index.html.
 */
/** How long a page waits for its sharing tags before it is served without them. */
const PAGE_META_WAIT_MS = 1000;
const late = new Error('page metadata late');

export async function installWebApp(app: FastifyInstance, ctx: AppContext, modules: readonly KhidmatModule[]): Promise<void> {
  const config = ctx.config;
  const pages = modules.flatMap((m) => m.pages ?? []);
  const index = path.join(config.webDir, 'index.html');
  const built = fs.existsSync(index);
  // Read once: a page with sharing tags is this text with its tags put in.
  const indexHtml = built ? fs.readFileSync(index, 'utf8') : '';
  if (built) {
    await app.register(fastifyStatic, {
      root: config.webDir,
      wildcard: false,
      preCompressed: true,
      index: false,
      setHeaders(res, file) {
        const immutable = file.includes(`${path.sep}assets${path.sep}`);
        res.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  // Unknown addresses: a browser asking for a page gets the app (its router shows the page or its
  // own "not found"), and so does `curl localhost:3000` (Accept: */*); API clients get problem+json.
  // Prefixed plugins (Open311) keep their own handler.
  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url;
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !url.startsWith('/api/') &&
      !url.startsWith('/open311/') &&
      acceptsPage(request.headers.accept, url);
    if (!wantsPage) return sendProblem(reply, request, routeNotFound());
    if (!built) {
      return sendProblem(reply, request, new AppError(404, 'web_not_built', { id: 'Aplikasi web belum dibangun (npm run build).', en: 'The web app is not built (npm run build).' }));
    }
    reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8');
    // A page whose tags cannot be read now (the database away or slow) is still served, without them.
    const meta = await within(pageMeta(url.split('?')[0]!), PAGE_META_WAIT_MS, () => late).catch((err: unknown) => {
      if (err !== late) request.log.warn({ err }, 'page metadata unavailable');
      return null;
    });
    return reply.send(meta ? withPageMeta(indexHtml, meta, siteUrlOf(ctx, request)) : indexHtml);
  });

  async function pageMeta(path: string): Promise<PageMeta | null> {
    for (const page of pages) {
      const params = matchPath(page.path, path);
      if (params) return page.meta(ctx, params);
    }
    return null;
  }
}

/**
 * A page, not a missing file or an API call: an address without a file extension, asked for by a
 * browser (text/html) or by a client that takes anything (curl's and wget's `*\/*`, or no Accept).
 */
function acceptsPage(accept: string | undefined, url: string): boolean {
  const last = url.split('?')[0]!.split('/').at(-1) ?? '';
  if (last.includes('.')) return (accept ?? '').includes('text/html');
  const types = (accept ?? '*/*').split(',').map((t) => t.split(';')[0]!.trim());
  return types.includes('text/html') || types.every((t) => t === '*/*' || t === '');
}

/** The policy for the web app: only our own scripts; images also from the map tile server. */
export function contentSecurityPolicy(config: Config): string {
  const tiles = new URL(config.map.tileUrl.replace(/\{[a-z]\}/g, 'a')).origin;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${tiles}`,
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
