import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from '../test/harness.js';
import { photo, roadReport, upload } from '../test/fixtures.js';

describeEachDatabase('aduan: filings that arrive together', (h) => {
  it('files a burst together, each answered with the page its reporter then reads', async () => {
    const citizens = await Promise.all(Array.from({ length: 4 }, () => h().citizen()));
    const [a, b] = citizens;
    const pic = await upload(h(), a!.token, await photo());
    const stolen = await upload(h(), b!.token, await photo('#004488'));
    const count = async (q: ReturnType<typeof sql>) => Number(((await h().ctx.db.execute(q)) as unknown as { rows: { n: string }[] }).rows[0]!.n);
    const before = await count(sql`select count(*) as n from reports`);

    const burst = [
      ...Array.from({ length: 16 }, (_, i) => ({ who: citizens[i % 4]!, body: roadReport({ title: `Jalan rusak nomor ${i}` }), headers: {} as Record<string, string> })),
      // Two tries of one offline draft, sent at once: filed once, both told the same number.
      ...[1, 2].map(() => ({ who: a!, body: roadReport({ title: 'Draf luring yang dikirim ulang' }), headers: { 'idempotency-key': 'burst-draft-0001' } })),
      { who: a!, body: roadReport({ title: 'Laporan dengan foto', photoIds: [pic.body.id], anonymous: true }), headers: {} },
      // Another citizen's photo: refused on its own, the rest of its batch is filed.
      { who: a!, body: roadReport({ title: 'Foto milik orang lain', photoIds: [stolen.body.id] }), headers: {} },
    ];
    const answers = await Promise.all(burst.map((f) => h().call('POST', '/api/v1/reports', { token: f.who.token, body: f.body, headers: f.headers })));

    const refused = answers.pop()!;
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'unknown_photo', field: 'photoIds' });
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 201));
    const numbers = answers.map((r) => r.body.trackingNumber as string);
    expect(numbers[16]).toBe(numbers[17]);
    expect(answers.slice(16, 18).filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(1);
    expect(new Set(numbers).size).toBe(numbers.length - 1);
    expect(await count(sql`select count(*) as n from reports`)).toBe(before + 18);

    // Each answer is exactly what the reporter reads afterwards (timeline, photo, identity, actions).
    for (const [i, res] of answers.entries()) {
      const page = await h().call('GET', `/api/v1/reports/${res.body.trackingNumber}`, { token: burst[i]!.who.token });
      expect(res.body).toEqual(page.body);
    }
    const withPhoto = answers[18]!.body;
    expect(withPhoto.photos).toHaveLength(1);
    expect(withPhoto.timeline[0].photoIds).toEqual([pic.body.id]);
    expect(withPhoto.reporter).not.toBeNull();
    expect(withPhoto.title).toBe('Laporan dengan foto');

    // Every filing left its audit line and its reporter's notice, once.
    const list = sql.join(numbers.map((n) => sql`${n}`), sql`, `);
    expect(await count(sql`select count(*) as n from audit_log where action = 'report.submit' and entity_id in (${list})`)).toBe(18);
    expect(await count(sql`select count(*) as n from outbox where channel = 'in_app' and link in (${sql.join(numbers.map((n) => sql`${'/laporan/' + n}`), sql`, `)})`)).toBe(18);
  });
});
