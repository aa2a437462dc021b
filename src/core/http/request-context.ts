import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { principalsForTokens, SESSION_COOKIE } from '../auth/sessions.js';
import { batched, batchStats } from '../batch/batched.js';
import type { AppContext } from '../context.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** The raw session token of this request (cookie or bearer), for logout. */
    sessionToken: string | null;
    /** A valid session whose temporary password must be replaced first: the request runs as anonymous. */
    passwordChangePending: boolean;
  }
}

/** All an account with an admin-chosen password may do before replacing it. */
const WHILE_PASSWORD_CHANGE_REQUIRED = new Set(['GET /api/v1/auth/me', 'PUT /api/v1/auth/password', 'POST /api/v1/auth/logout']);

function tokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  return request.cookies[SESSION_COOKIE] ?? null;
}

/**
 * Resolves the caller once per request; routes then authorize with requireRole/requireUser.
 * Requests that arrive together look their sessions up in one query; each look-up starts after
 * the request arrived, so a session ended before it is never honoured.
 */
export function installPrincipal(app: FastifyInstance, ctx: AppContext): void {
  const principalFor = batched(
    async (tokens: readonly string[]) => {
      const found = await principalsForTokens(ctx.db, tokens, ctx.clock());
      return tokens.map((t) => ({ status: 'fulfilled' as const, value: found.get(t) ?? null }));
    },
    { maxBatch: 64, slots: 2, stats: batchStats(ctx, 'session_lookup') },
  );
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('passwordChangePending', false);
  app.addHook('onRequest', async (request) => {
    const token = tokenOf(request);
    if (!token) return;
    const principal = await principalFor(token);
    if (principal?.passwordChangeRequired && !WHILE_PASSWORD_CHANGE_REQUIRED.has(`${request.method} ${request.routeOptions.url}`)) {
      request.passwordChangePending = true;
      return;
    }
    request.principal = principal;
    request.sessionToken = principal ? token : null;
  });
}
