import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { ensureStaff } from '../demo/accounts.js';
import { activeDisruptions } from './read-model.js';
import { PORTAL_STAFF, ensurePortalDemo } from './demo.js';

describeEachDatabase('portal demo data', (h) => {
  it('publishes news, an announcement, a hoax clarification, an ended and an active disruption notice through the workflow; once', async () => {
    h().setNow(new Date());
    const staff = await ensureStaff(h().ctx, PORTAL_STAFF, () => 'rahasia-demo-123');
    const town = { staff, residents: [], registeredAt: h().now() };
    await ensurePortalDemo(h().ctx, town);

    const kinds = async () => (await h().call('GET', '/api/v1/portal/items?limit=100')).body.items.map((i: { kind: string }) => i.kind);
    const first = await kinds();
    expect([...first].sort()).toEqual(['berita', 'berita', 'gangguan', 'gangguan', 'klarifikasi', 'pengumuman']);
    const notices = (await h().call('GET', '/api/v1/portal/items?kind=gangguan')).body.items;
    expect(notices.map((n: { endedAt: string | null }) => n.endedAt !== null).sort()).toEqual([false, true]);
    expect((await activeDisruptions(h().ctx.db, h().now())).map((d) => d.services)).toEqual([['whatsapp']]);

    // Written by the editor, checked and published by the checker: the history says so.
    const checker = await h().login('redaktur@dumai.demo.invalid', 'rahasia-demo-123');
    const desk = (await h().call('GET', '/api/v1/portal/desk?status=published', { token: checker })).body.items;
    const item = (await h().call('GET', `/api/v1/portal/drafts/${desk[0].id}`, { token: checker })).body;
    expect(item.history.slice(0, 3).map((e: { action: string; actor: { role: string } }) => [e.action, e.actor.role])).toEqual([
      ['create', 'portal_editor'],
      ['check', 'portal_checker'],
      ['publish', 'portal_checker'],
    ]);

    await ensurePortalDemo(h().ctx, town);
    expect(await kinds()).toEqual(first);
  });
});
