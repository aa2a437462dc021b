import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeEachDatabase, startHarness } from '../../test/harness.js';
import type { AppContext } from '../context.js';
import type { ChannelHandlers } from '../db/listen.js';
import { PrincipalCache, principalCacheOf, startPrincipalCache } from './principal-cache.js';
import { users } from './schema.js';

const principal = { userId: 'u1', role: 'citizen' as const, opdId: null, fullName: 'Warga' };
const NOW = new Date('2026-03-02T03:00:00Z');
const found = { principal, expiresAt: new Date('2026-03-03T00:00:00Z') };

describe('PrincipalCache', () => {
  it('serves what it kept while listening, until the session expires', () => {
    const cache = new PrincipalCache();
    cache.setListening(true);
    cache.keep(cache.ticket(), 'h1', found);
    expect(cache.get('h1', NOW)).toEqual(principal);
    expect(cache.get('h1', found.expiresAt)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps nothing and serves nothing while not listening, and forgets all when listening stops', () => {
    const cache = new PrincipalCache();
    cache.keep(cache.ticket(), 'h1', found);
    expect(cache.size).toBe(0);
    cache.setListening(true);
    cache.keep(cache.ticket(), 'h1', found);
    cache.setListening(false);
    expect(cache.get('h1', NOW)).toBeUndefined();
    cache.setListening(true);
    expect(cache.get('h1', NOW)).toBeUndefined();
  });

  it('does not keep an answer read while a change arrived: it may predate the change', () => {
    const cache = new PrincipalCache();
    cache.setListening(true);
    const ticket = cache.ticket();
    cache.forgetUser('someone-else');
    cache.keep(ticket, 'h1', found);
    expect(cache.get('h1', NOW)).toBeUndefined();
    cache.keep(cache.ticket(), 'h1', found);
    expect(cache.get('h1', NOW)).toEqual(principal);
  });

  it('keeps an entry a minute at most, whatever the session says', () => {
    vi.useFakeTimers({ now: NOW });
    try {
      const cache = new PrincipalCache();
      cache.setListening(true);
      cache.keep(cache.ticket(), 'h1', found);
      vi.setSystemTime(NOW.getTime() + 59_000);
      expect(cache.get('h1', NOW)).toEqual(principal);
      vi.setSystemTime(NOW.getTime() + 60_000);
      expect(cache.get('h1', NOW)).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not keep an answer read while listening stopped and started again', () => {
    const cache = new PrincipalCache();
    cache.setListening(true);
    const ticket = cache.ticket();
    cache.setListening(false);
    cache.setListening(true);
    cache.keep(ticket, 'h1', found);
    expect(cache.size).toBe(0);
  });

  it('forgets every session of a user, one token, or everything', () => {
    const cache = new PrincipalCache();
    cache.setListening(true);
    for (const h of ['h1', 'h2']) cache.keep(cache.ticket(), h, found);
    cache.keep(cache.ticket(), 'h3', { ...found, principal: { ...principal, userId: 'u2' } });
    cache.forgetUser('u1');
    expect([cache.get('h1', NOW), cache.get('h2', NOW)]).toEqual([undefined, undefined]);
    expect(cache.get('h3', NOW)?.userId).toBe('u2');
    cache.forgetToken('h3');
    expect(cache.size).toBe(0);
    for (const h of ['h1', 'h2']) cache.keep(cache.ticket(), h, found);
    cache.forgetAll();
    expect(cache.size).toBe(0);
  });
});

describe('startPrincipalCache', () => {
  it('listens while its listener hears, and warns once per outage with the reason', async () => {
    let channel: ChannelHandlers | undefined;
    const ctx = { listen: async (_: string, handlers: ChannelHandlers) => ((channel = handlers), async () => undefined) } as unknown as AppContext;
    const warnings: string[] = [];
    const { cache, stop } = await startPrincipalCache(ctx, (reason) => warnings.push(reason));
    channel!.ready();
    expect(cache.isListening).toBe(true);
    channel!.lost('a NOTIFY did not come back');
    channel!.lost('a NOTIFY did not come back');
    expect(cache.isListening).toBe(false);
    expect(warnings).toEqual(['a NOTIFY did not come back']);
    channel!.ready();
    channel!.lost('connection ended');
    channel!.lost(); // stopped on purpose: nothing to warn about
    expect(warnings).toEqual(['a NOTIFY did not come back', 'connection ended']);
    await stop();
  });
});

/** Changes reach another connection's listener after their commit: wait a little for them. */
async function eventually(probe: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 40 && !(await probe()); i++) await new Promise((r) => setTimeout(r, 50));
  return probe();
}

describeEachDatabase('principal cache against the database', (h) => {
  const me = async (token: string) => h().call('GET', '/api/v1/auth/me', { token });
  // Role-gated (executive and staff): the role comes from the principal.
  const dashboard = async (token: string) => h().call('GET', '/api/v1/dashboard/summary', { token });

  it('answers a known session from memory', async () => {
    const c = await h().citizen();
    const cache = principalCacheOf(h().ctx)!;
    expect(cache.isListening).toBe(true);
    expect((await me(c.token)).status).toBe(200);
    const hits = cache.stats.hits;
    expect((await me(c.token)).status).toBe(200);
    expect(cache.stats.hits).toBe(hits + 1);
  });

  it('hears changes made in the database by anyone: a new role applies, a deactivated account is refused', async () => {
    const c = await h().citizen();
    const cache = principalCacheOf(h().ctx)!;
    expect((await dashboard(c.token)).status).toBe(403);
    const hits = cache.stats.hits;
    expect((await dashboard(c.token)).status).toBe(403);
    expect(cache.stats.hits).toBe(hits + 1);
    await h().ctx.db.update(users).set({ role: 'executive' }).where(eq(users.id, c.userId));
    expect(await eventually(async () => (await dashboard(c.token)).status === 200)).toBe(true);
    await h().ctx.db.update(users).set({ deactivatedAt: h().now() }).where(eq(users.id, c.userId));
    expect(await eventually(async () => (await me(c.token)).status === 401)).toBe(true);
  });
});

describeEachDatabase('principal cache and a TRUNCATE of the sessions', (h) => {
  it('forgets everyone: a truncate fires no row triggers, so it is announced for all', async () => {
    const c = await h().citizen();
    expect((await h().call('GET', '/api/v1/auth/me', { token: c.token })).status).toBe(200);
    expect(principalCacheOf(h().ctx)!.size).toBeGreaterThan(0);
    await h().ctx.db.execute(sql`truncate sessions`);
    expect(await eventually(async () => (await h().call('GET', '/api/v1/auth/me', { token: c.token })).status === 401)).toBe(true);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('principal cache when its PostgreSQL listener drops', () => {
  let h: Awaited<ReturnType<typeof startHarness>>;
  beforeAll(async () => {
    h = await startHarness('postgresql');
  });
  afterAll(async () => h?.close());

  it('forgets everything when its listening connection drops, and listens again', async () => {
    const c = await h.citizen();
    const dashboard = async () => (await h.call('GET', '/api/v1/dashboard/summary', { token: c.token })).status;
    expect(await dashboard()).toBe(403);
    const cache = principalCacheOf(h.ctx)!;
    expect(cache.size).toBeGreaterThan(0);
    await h.ctx.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and application_name like 'khidmat listen %'`);
    expect(await eventually(async () => !cache.isListening)).toBe(true);
    expect(cache.size).toBe(0);
    // A change while no one listens never reaches this instance; the emptied cache cannot serve it stale.
    await h.ctx.db.update(users).set({ role: 'executive' }).where(eq(users.id, c.userId));
    expect(await dashboard()).toBe(200);
    expect(await eventually(async () => cache.isListening)).toBe(true);
    expect(await dashboard()).toBe(200);
    expect(cache.size).toBeGreaterThan(0);
  });
});
