import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';

describeEachDatabase('skm: public-link answers that arrive together', (h) => {
  it('writes a burst together, each answer under its own id, and refuses an unknown link alone', async () => {
    const units = (await h().call('GET', '/api/v1/skm/units')).body.items as { id: number; kind: string; publicKey: string }[];
    const desk = units.find((u) => u.kind === 'aduan_desk')!;
    // 24 answers at once, each its own: the first unsur counts 1–4, the ninth the respondent's number mod 4.
    const sent = Array.from({ length: 24 }, (_, i) => [1 + (i % 4), 2, 3, 4, 3, 2, 3, 4, 1 + (Math.floor(i / 4) % 4)]);
    const answers = await Promise.all([
      ...sent.map((scores) => h().call('POST', `/api/v1/skm/units/by-key/${desk.publicKey}/answers`, { body: { scores } })),
      h().call('POST', '/api/v1/skm/units/by-key/tidak-ada-unit-ini/answers', { body: { scores: sent[0] } }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([...Array(24).fill(201), 404]);
    const ids = answers.slice(0, 24).map((a) => a.body.id as number);
    expect(new Set(ids).size).toBe(24);

    const admin = await h().staff('super_admin');
    const today = new Date(h().now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    const period = await h().call('POST', '/api/v1/skm/periods', { token: admin.token, body: { name: 'Hari ini', startsOn: today, endsOn: today } });
    const raw = await h().call('GET', `/api/v1/skm/periods/${period.body.id}/units/${desk.id}/answers`, { token: admin.token });
    const stored = new Map((raw.body.items as { id: number; scores: number[] }[]).map((a) => [a.id, a.scores]));
    expect(ids.map((id) => stored.get(id))).toEqual(sent);
  });
});
