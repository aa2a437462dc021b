import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { principalForToken, SESSION_COOKIE } from '../auth/sessions.js';
import type { AppContext } from '../context.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** The raw session token of this request (cookie or bearer), for logout. */
    sessionToken: string | null;
  }
}

function tokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  return request.cookies[SESSION_COOKIE] ?? null;
}

/** Resolves the caller once per request; routes then authorize with requireRole/requireUser. */
export function installPrincipal(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    const token = tokenOf(request);
    if (!token) return;
    request.principal = await principalForToken(ctx.db, token, ctx.clock());
    request.sessionToken = request.principal ? token : null;
  });
}
