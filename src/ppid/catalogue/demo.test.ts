import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness.js';
import { ensureStaff } from '../../demo/accounts.js';
import { ADUAN_STAFF } from '../../aduan/demo/demo.js';
import { PPID_STAFF } from '../demo.js';
import { ensureCatalogueDemo } from './demo.js';

describeEachDatabase('PPID catalogue demo data', (h) => {
  it('lists a DIP per OPD in every class, mostly published, some in the chain, a few with files; once', async () => {
    h().setNow(new Date());
    const staff = await ensureStaff(h().ctx, [...ADUAN_STAFF, ...PPID_STAFF], () => 'rahasia-demo-123');
    const town = { staff, residents: [], registeredAt: h().now() };
    await ensureCatalogueDemo(h().ctx, town);

    const published = (await h().call('GET', '/api/v1/ppid/catalogue?limit=100')).body;
    const items = published.items as { class: string; opd: { code: string }; documents: { url: string; mime: string }[]; exemption: string | null }[];
    expect(new Set(items.map((i) => i.class))).toEqual(new Set(['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan']));
    expect(new Set(items.map((i) => i.opd.code)).size).toBeGreaterThanOrEqual(6);
    expect(items.filter((i) => i.class === 'dikecualikan').every((i) => i.exemption && !i.documents.length)).toBe(true);
    const files = items.flatMap((i) => i.documents);
    expect(new Set(files.map((f) => f.mime))).toEqual(new Set(['application/pdf', 'text/csv']));
    for (const f of files) expect((await h().call('GET', f.url)).status).toBe(200);

    const utama = await h().login('ppid@dumai.demo.invalid', 'rahasia-demo-123');
    const desk = (await h().call('GET', '/api/v1/ppid/catalogue/desk?status=draft,checked,approved', { token: utama })).body;
    expect(new Set(desk.items.map((i: { status: string }) => i.status))).toEqual(new Set(['draft', 'checked', 'approved']));
    expect(desk.total + published.total).toBeGreaterThan(15);

    await ensureCatalogueDemo(h().ctx, town);
    expect((await h().call('GET', '/api/v1/ppid/catalogue?limit=100')).body.total).toBe(published.total);
  });
});
