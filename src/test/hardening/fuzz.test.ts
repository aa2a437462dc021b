/**
 * Property-based fuzzing of every JSON endpoint from its own schema: valid values, valid values
 * with one property made hostile (wrong type, huge, NUL, lone surrogate, prototype-pollution keys,
 * deep nesting) and plain garbage. Whatever comes in: never a 5xx, every refusal is problem+json
 * (Open311 keeps its own JSON error format), and a refused request writes no row anywhere.
 */
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../../core/auth/schema.js';
import { BAGAN_KELADI } from '../fixtures.js';
import { describeEachDatabase } from '../harness.js';
import { ACCESS_MATRIX, type Rule } from './access-matrix.js';
import { castOf, type Cast, type Who } from './principals.js';
import { pathOf, routeTable, type RouteInfo } from './route-table.js';
import { exampleOf, hostileOf, type Hints } from './schema-values.js';

/** Runs per endpoint and database; about 60 endpoints, so a few hundred requests per database in all. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

const HINTS: Hints = {
  categoryCode: 'INF-JALAN',
  service_code: 'INF-JALAN',
  lat: BAGAN_KELADI.lat,
  lng: BAGAN_KELADI.lng,
  long: BAGAN_KELADI.lng,
  kelurahanCode: BAGAN_KELADI.code,
  opdCodes: ['PUPR'],
  opdCode: 'PUPR',
  class: 'pengaduan',
};

/** The caller the route lets in, so the fuzzed input reaches the handler's own checks. */
function callerFor(rule: Rule): Who {
  if (rule === 'api-key' || rule === 'opd-key') return 'anonymous';
  if (rule === 'public' || rule === 'self') return 'citizen';
  // Only kemiskinan routes are scoped today; its desk role acts on every complaint.
  if (rule === 'scoped') return 'dinsos_desk';
  return rule.includes('super_admin') ? 'super_admin' : rule[0]!;
}

/** Query strings stay below Node's header limit (16 KB): a longer URL never reaches the app at all. */
function queryOf(input: unknown): string {
  const entries: [string, unknown][] = input !== null && typeof input === 'object' && !Array.isArray(input) ? Object.entries(input) : [['q', input]];
  return new URLSearchParams(entries.map(([k, v]): [string, string] => [k, (typeof v === 'string' ? v : JSON.stringify(v) ?? '').slice(0, 4000)])).toString();
}

describeEachDatabase('fuzzing every JSON endpoint', (h) => {
  let routes: RouteInfo[];
  let cast: Cast;
  let report: { trackingNumber: string; photoId: string };
  let tables: string[];

  async function rowCounts(): Promise<Record<string, number>> {
    const union = tables.map((t) => `select '${t}' as t, count(*)::int as n from "${t}"`).join(' union all ');
    const res = (await h().ctx.db.execute(sql.raw(union))) as unknown as { rows: { t: string; n: number }[] };
    return Object.fromEntries(res.rows.map((r) => [r.t, Number(r.n)]));
  }

  beforeAll(async () => {
    routes = (await routeTable(h().ctx)).filter(
      (r) => (r.schema.body || r.schema.querystring) && r.key in ACCESS_MATRIX && !r.schema.consumes?.includes('multipart/form-data'),
    );
    cast = await castOf(h());
    report = await cast.newReport(true);
    const res = (await h().ctx.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    )) as unknown as { rows: { table_name: string }[] };
    tables = res.rows.map((r) => r.table_name);
  });

  it('covers the endpoints that take JSON bodies or query strings', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(tables).toContain('reports');
  });

  it('never answers 5xx, refuses in problem+json and writes nothing when it refuses', async () => {
    for (const route of routes) {
      const rule = ACCESS_MATRIX[route.key]!;
      const who = callerFor(rule);
      const token = who === 'anonymous' ? undefined : cast.token[who as Role];
      const path = pathOf(route, { ...(route.url.startsWith('/api/v1/reports/') ? report : {}), format: 'json' }, exampleOf);
      const open311 = route.url.startsWith('/open311/');
      const input = route.schema.body ? hostileOf(route.schema.body, HINTS) : hostileOf(route.schema.querystring!, HINTS);
      await fc.assert(
        fc.asyncProperty(input, async (value) => {
          let body = value;
          if (rule === 'api-key' && body && typeof body === 'object' && !Array.isArray(body)) body = { api_key: cast.apiKey, ...body };
          const before = await rowCounts();
          const res = route.schema.body
            ? await h().call(route.method, path, { token, body })
            : await h().call(route.method, `${path}?${queryOf(value)}`, { token });
          expect(res.status, `${route.key} answered ${res.status}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
          if (res.status < 400) return;
          const type = res.headers.get('content-type') ?? '';
          if (open311) {
            expect(type).toContain('application/json');
          } else {
            expect(type, route.key).toContain('application/problem+json');
            expect(res.body).toMatchObject({ status: res.status, code: expect.any(String), message: { id: expect.any(String), en: expect.any(String) } });
          }
          expect(await rowCounts(), `${route.key} refused with ${res.status} ${res.body?.code ?? ''} but wrote rows`).toEqual(before);
        }),
        { numRuns: RUNS },
      );
    }
  }, 300_000);
});
