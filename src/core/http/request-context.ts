import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { hashToken, sessionsForTokenHashes, SESSION_COOKIE } from '../auth/sessions.js';
import { startPrincipalCache } from '../auth/principal-cache.js';
import { batched, batchStats } from '../batch/batched.js';
import type { AppContext } from '../context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route never looks at the caller (the status page): no session is looked up, so it answers while the database is down. */
    anonymous?: boolean;
  }
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

/** Longer strings are no token of ours: not hashed, not looked up. */
const MAX_TOKEN_LENGTH = 100;

/**
 * Resolves the caller once per request; routes then authorize with requireRole/requireUser.
 * A principal is taken from this instance's cache (core/auth/principal-cache) when it is there;
 * otherwise requests that arrive together look their sessions up in one query, and each look-up
 * starts after the request arrived.
 */
export async function installPrincipal(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const { cache, stop } = await startPrincipalCache(ctx, (reason) =>
    app.log.warn({ reason }, 'principal cache bypassed: every session is read from the database until its listener hears again'),
  );
  app.addHook('onClose', stop);
  const lookUp = batched(
    async (hashes: readonly string[]) => {
      const found = await sessionsForTokenHashes(ctx.db, hashes, ctx.clock());
      return hashes.map((h) => ({ status: 'fulfilled' as const, value: found.get(h) ?? null }));
    },
    { maxBatch: 64, slots: 2, stats: batchStats(ctx, 'session_lookup') },
  );
  const principalFor = async (token: string): Promise<Principal | null> => {
    if (token.length > MAX_TOKEN_LENGTH) return null;
    const tokenHash = hashToken(token);
    const cached = cache.get(tokenHash, ctx.clock());
    if (cached) return cached;
    const ticket = cache.ticket();
    const found = await lookUp(tokenHash);
    if (found) cache.keep(ticket, tokenHash, found);
    return found?.principal ?? null;
  };
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('passwordChangePending', false);
  app.addHook('onRequest', async (request) => {
    // The web app's files and pages need no caller (its API calls do): they load while the database is down.
    if (!request.url.startsWith('/api/') || request.routeOptions.config.anonymous) return;
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
