/**
 * Walks every route of the real app with every role and without a session and compares the answers
 * with the declared access matrix. A new route without a rule fails here, by name.
 */
import crypto from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, type ApiResponse } from '../harness.js';
import { ACCESS_MATRIX, type Rule } from './access-matrix.js';
import { castOf, EVERYONE, type Cast, type Who } from './principals.js';
import { isWebAsset, pathOf, routeTable, type RouteInfo } from './route-table.js';
import { exampleOf } from './schema-values.js';

const allows = (rule: Rule, who: Who): boolean =>
  rule === 'public' || rule === 'api-key' || (who !== 'anonymous' && (rule === 'self' || rule === 'scoped' || rule.includes(who)));

/** Routes that end the session they are called with get a second session of the same account. */
const ENDS_SESSION = new Set(['POST /api/v1/auth/logout', 'DELETE /api/v1/account']);

describeEachDatabase('access matrix', (h) => {
  let routes: RouteInfo[];
  let cast: Cast;
  let shared: { trackingNumber: string; photoId: string };

  beforeAll(async () => {
    routes = await routeTable(h().ctx);
    cast = await castOf(h());
    shared = await cast.newReport(true);
  });

  /** A request that passes validation, so the answer shows what authorization decided. */
  async function send(route: RouteInfo, who: Who, report: { trackingNumber: string; photoId: string }, withKey = true): Promise<ApiResponse> {
    // Numeric ids far beyond any row: a successful DELETE must not remove fixtures (such as the api key).
    const ids = Object.fromEntries(Object.entries(route.schema.params?.properties ?? {}).filter(([, s]) => s.type === 'integer').map(([k]) => [k, 999_999]));
    // The cast's report belongs to aduan; other modules' records get values from their own schemas.
    const path = pathOf(route, { ...ids, ...(route.url.startsWith('/api/v1/reports/') ? report : {}), format: 'json' }, exampleOf);
    const query = new URLSearchParams(exampleOf(route.schema.querystring ?? {}) as Record<string, string>).toString();
    let body = route.schema.body ? (exampleOf(route.schema.body) as Record<string, unknown>) : undefined;
    if (route.key === 'POST /api/v1/admin/staff') {
      // An OPD admin may create officers of their own OPD only: the body must be that case.
      body = { ...body, role: 'opd_officer', opdId: cast.opdId, email: `uji.${crypto.randomUUID()}@test.dumaikota.go.id` };
    }
    if (route.key === 'POST /api/v1/officers') body = { ...body, email: `uji.${crypto.randomUUID()}@test.dumaikota.go.id` };
    if (withKey && route.key.startsWith('POST /open311/')) body = { ...body, api_key: cast.apiKey };
    const token = who === 'anonymous' ? undefined : ENDS_SESSION.has(route.key) ? await cast.freshToken(who) : cast.token[who];
    return h().call(route.method, `${path}${query ? `?${query}` : ''}`, { token, ...(body ? { body } : {}), headers: { accept: 'application/json' } });
  }

  it('has a rule for every route of the app, and no rule for a route that is gone', () => {
    const api = routes.filter((r) => !isWebAsset(r, ACCESS_MATRIX));
    const missing = api.filter((r) => !(r.key in ACCESS_MATRIX)).map((r) => `${r.key} has no rule in its module's access rules (src/<module>/module.ts)`);
    const stale = Object.keys(ACCESS_MATRIX).filter((k) => !api.some((r) => r.key === k)).map((k) => `${k} is in the matrix but not in the app`);
    expect([...missing, ...stale]).toEqual([]);
  });

  it('answers every route as the matrix says, for every role and without a session', async () => {
    const mismatches: string[] = [];
    const record = (route: RouteInfo, rule: Rule, who: Who, allowed: boolean, res: ApiResponse) => {
      // A 401 for wrong credentials (log-in) is the route working, not the gate refusing.
      const denied = res.status === 403 || (res.status === 401 && res.body?.code === 'unauthenticated');
      const expectedDeny = who === 'anonymous' ? 401 : 403;
      // 'scoped': the module decides per record, so a signed-in caller may be refused; never with a 5xx.
      const checked = !(rule === 'scoped' && who !== 'anonymous');
      if (res.status >= 500 || (checked && (allowed ? denied : res.status !== expectedDeny))) {
        mismatches.push(`${route.key} as ${who}: expected ${allowed ? 'allow (not 401 unauthenticated/403)' : `deny (${expectedDeny})`}, got ${res.status} ${res.body?.code ?? ''}`);
      }
    };
    for (const route of routes.filter((r) => r.key in ACCESS_MATRIX)) {
      const rule = ACCESS_MATRIX[route.key]!;
      const mutatesReport = route.method === 'POST' && route.url.startsWith('/api/v1/reports/:trackingNumber/');
      // Refusals first, on the shared report; each allowed role then acts on a report of its own,
      // so one role's successful action does not change what the next one finds.
      const order = [...EVERYONE].sort((a, b) => Number(allows(rule, a)) - Number(allows(rule, b)));
      for (const who of order) {
        const allowed = allows(rule, who);
        const report = allowed && mutatesReport ? await cast.newReport() : shared;
        record(route, rule, who, allowed, await send(route, who, report));
      }
      if (rule === 'api-key') {
        const res = await send(route, 'citizen', shared, false);
        if (res.status !== 403) mismatches.push(`${route.key} without api_key: expected 403, got ${res.status}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);

  it('serves the web app to anyone, signed in or not', async () => {
    expect(routes.filter((r) => isWebAsset(r, ACCESS_MATRIX)).map((r) => r.url)).toContain('/index.html');
    for (const token of [undefined, cast.token.citizen, cast.token.super_admin]) {
      for (const path of ['/laporan', '/index.html']) {
        expect((await h().call('GET', path, { token, headers: { accept: 'text/html' } })).status, path).toBe(200);
      }
    }
  });
});

