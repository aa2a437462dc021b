import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { fileReport } from '../test/fixtures.js';
import { satudata } from './module.js';

const NAME = 'pengaduan-masyarakat-bulanan';

describeEachDatabase('satudata: the platform publishes its own complaint figures', (h) => {
  const refresh = async () => {
    const job = satudata.jobs!(h().ctx, {}).find((j) => j.name === 'satudata-platform-datasets')!;
    await job.run();
  };

  it('the complaints dataset appears, updates at most daily when the figures change, and holds no personal data', async () => {
    h().setNow('2026-03-02T02:00:00Z');
    const citizen = await h().citizen({ fullName: 'Siti Rahmawati' });
    await fileReport(h(), citizen.token, { title: 'Jalan berlubang di Jl. Sudirman' });
    await fileReport(h(), citizen.token, { title: 'Lubang besar di Jl. Sudirman' });
    await refresh();

    const page = await h().call('GET', `/api/v1/data/datasets/${NAME}`);
    expect(page.status, page.text).toBe(200);
    expect(page.body).toMatchObject({ platform: true, opd: { code: 'DISKOMINFOTIKSAN' }, topic: 'pelayanan-publik', formats: ['CSV', 'XLSX'], years: [2026], canSubmit: false });
    expect(page.body.current.summary.totals).toEqual({ diterima: 2, selesai: 0 });
    expect(page.body.current.summary.series).toMatchObject({ measure: 'diterima', by: 'bulan', points: [{ x: '2026-03-01', y: 2 }] });
    const csv = await h().call('GET', page.body.versions[0].resources[0].url);
    expect(csv.text.split(/\r?\n/)[0]).toBe('bulan,opd,kategori,diterima,selesai');
    expect(csv.text).not.toContain('Siti');
    expect(csv.text).not.toContain('Sudirman');
    expect((await h().call('GET', `/api/v1/data/datasets/ketepatan-waktu-penanganan-pengaduan`)).status).toBe(200);

    // The same day and the same figures: no new version; another day with new figures: version 2.
    await fileReport(h(), citizen.token, { title: 'Drainase tersumbat' });
    await refresh();
    expect((await h().call('GET', `/api/v1/data/datasets/${NAME}`)).body.versions).toHaveLength(1);
    h().setNow('2026-03-03T02:00:00Z');
    await refresh();
    await refresh();
    const next = await h().call('GET', `/api/v1/data/datasets/${NAME}`);
    expect(next.body.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect(next.body.current.summary.totals.diterima).toBe(3);
    const v2 = await h().call('GET', `/api/v1/data/datasets/${NAME}/versions/2`);
    expect(v2.body.diff).toMatchObject({ previousNumber: 1, totals: expect.arrayContaining([{ variable: 'diterima', before: 2, after: 3 }]) });

    // A platform dataset is not edited or submitted to by hand.
    const steward = await h().staff('walidata', 'DISKOMINFOTIKSAN');
    const edit = await h().call('PATCH', `/api/v1/data/datasets/${NAME}`, { token: steward.token, body: { title: 'Judul lain untuk data ini' } });
    expect([edit.status, edit.body.code]).toEqual([409, 'platform_dataset']);
  });
});
