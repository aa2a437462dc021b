import { expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { describeEachDatabase } from '../test/harness.js';
import { auditLog } from '../core/audit/schema.js';
import { createDataset, ROAD_CSV, roads, step, submit } from './test-fixtures.js';

describeEachDatabase('satudata: a producer OPD submits, the steward returns, a correction is published', (h) => {
  it('submit → return with reasons → corrected version → accepted: published, immutable, downloadable, audited', async () => {
    const producer = await h().staff('opd_officer', 'PUPR');
    const otherOpd = await h().staff('opd_officer', 'DINSOS');
    const steward = await h().staff('walidata', 'DISKOMINFOTIKSAN');
    const citizen = await h().citizen();

    const name = await createDataset(h, producer.token);
    // The web pages' own addresses are never a dataset's name; nor is a name twice.
    for (const taken of ['baru', name]) expect((await h().call('POST', '/api/v1/data/datasets', { token: producer.token, body: roads({ name: taken }) })).body).toMatchObject({ code: 'name_taken', field: 'name' });
    // Before its first publication the dataset exists only for its producer OPD and the steward.
    for (const token of [undefined, citizen.token, otherOpd.token]) expect((await h().call('GET', `/api/v1/data/datasets/${name}`, { token })).status).toBe(404);

    const first = await submit(h, producer.token, name, ROAD_CSV.replace('98', '980'), { note: 'Survei 2024–2025.' });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({ number: 1, status: 'submitted', rowCount: 3, allowedActions: ['withdraw'], diff: null });
    expect(first.body.summary).toMatchObject({ rowCount: 3, totals: { panjang_km: 1130.75 }, years: [2024, 2025], regionCodes: ['14.72.01', '14.72.02'] });
    expect(first.body.summary.series).toMatchObject({ measure: 'panjang_km', by: 'tahun', points: [{ x: '2024', y: 150.75 }, { x: '2025', y: 980 }] });
    const fileUrl = first.body.resources[0].url as string;
    // The unpublished file: not for the public, another OPD or a citizen.
    for (const token of [undefined, citizen.token, otherOpd.token]) expect((await h().call('GET', fileUrl, { token })).status).toBe(404);
    expect((await h().call('GET', fileUrl, { token: steward.token })).text).toContain('980');

    // Only the steward decides; a return needs its reasons.
    expect((await step(h, producer.token, name, 1, 'accept')).status).toBe(403);
    expect((await step(h, otherOpd.token, name, 1, 'withdraw')).status).toBe(404);
    const noReason = await step(h, steward.token, name, 1, 'return');
    expect([noReason.status, noReason.body.code, noReason.body.field]).toEqual([422, 'reasons_required', 'note']);
    const desk = await h().call('GET', '/api/v1/data/desk', { token: steward.token });
    expect(desk.body.waiting).toEqual([expect.objectContaining({ dataset: expect.objectContaining({ name }), number: 1, rowCount: 3 })]);
    const returned = await step(h, steward.token, name, 1, 'return', { note: 'Panjang jalan kota 2025 (980 km) melebihi panjang seluruh jalan kota; periksa satuannya.' });
    expect(returned.status, returned.text).toBe(200);
    expect(returned.body).toMatchObject({ status: 'returned', returnReasons: expect.stringContaining('980 km'), allowedActions: [] });
    expect((await step(h, steward.token, name, 1, 'accept')).status).toBe(409);
    expect((await h().call('GET', `/api/v1/data/datasets/${name}`)).status).toBe(404);

    // The correction is the next version, with its note; the steward sees the totals against... nothing published yet.
    const second = await submit(h, producer.token, name, ROAD_CSV, { note: 'Koreksi: panjang jalan kota 2025 dalam km, bukan ratusan meter.' });
    expect(second.status, second.text).toBe(201);
    expect(second.body).toMatchObject({ number: 2, status: 'submitted' });
    const accepted = await step(h, steward.token, name, 2, 'accept');
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'published', allowedActions: [] });

    // Published: anyone sees the dataset, its published version only, and downloads the file.
    const page = await h().call('GET', `/api/v1/data/datasets/${name}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ name, opd: { code: 'PUPR' }, licenseId: 'CC-BY-4.0', years: [2024, 2025], formats: ['CSV'], current: { number: 2 }, history: [], canSubmit: false });
    expect(page.body.versions.map((v: { number: number }) => v.number)).toEqual([2]);
    const download = await h().call('GET', page.body.versions[0].resources[0].url);
    expect(download.status).toBe(200);
    expect(download.text).toBe(ROAD_CSV);
    expect(download.headers.get('content-disposition')).toContain('kondisi-jalan-uji-v2');
    // The producer sees every version and the history.
    const own = await h().call('GET', `/api/v1/data/datasets/${name}`, { token: producer.token });
    expect(own.body.versions.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([[2, 'published'], [1, 'returned']]);
    expect(own.body.history.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'return', 'submit', 'accept']);

    // A published version is never decided again; the next version is diffed against it.
    expect((await step(h, steward.token, name, 2, 'return', { note: 'Terlambat.' })).status).toBe(409);
    const third = await submit(h, producer.token, name, `${ROAD_CSV}2025,Negara,14.72.03,12\n`, { note: 'Jalan negara 2025 ditambahkan.' });
    expect(third.body.diff).toMatchObject({ previousNumber: 2, rows: { before: 3, after: 4 }, totals: [{ variable: 'panjang_km', before: 248.75, after: 260.75 }], regionsAdded: ['14.72.03'] });
    expect((await step(h, producer.token, name, 3, 'withdraw')).body.status).toBe('withdrawn');

    const audited = await h().ctx.db.select().from(auditLog).where(and(eq(auditLog.entity, 'satudata_dataset'))).orderBy(asc(auditLog.id));
    expect(audited.map((a) => a.action)).toEqual([
      'satudata.dataset.create',
      'satudata.version.submit',
      'satudata.version.return',
      'satudata.version.submit',
      'satudata.version.accept',
      'satudata.version.submit',
      'satudata.version.withdraw',
    ]);
  });

  it('refuses bad uploads with the row and column named, and keeps nothing', async () => {
    const producer = await h().staff('opd_admin', 'PUPR');
    const name = await createDataset(h, producer.token, roads({ name: 'jalan-salah' }));
    const cases: [string, number, string, string][] = [
      ['tahun,kewenangan,panjang_km\n2024,Kota,1\n', 422, 'table_invalid', 'rows.1.kode_wilayah'],
      ['tahun,kewenangan,kode_wilayah,panjang_km,catatan\n2024,Kota,14.72.01,1,x\n', 422, 'table_invalid', 'rows.1.catatan'],
      ['tahun,kewenangan,kode_wilayah,panjang_km\n2024,Kota,14.72.01,1\n2024,Kota,14.72.01,satu\n', 422, 'table_invalid', 'rows.3.panjang_km'],
      ['tahun,kewenangan,kode_wilayah,panjang_km\n2024,Kota,14.72.99,1\n', 422, 'table_invalid', 'rows.2.kode_wilayah'],
      ['tahun,kewenangan,kode_wilayah,panjang_km\n24,Kota,14.72.01,1\n', 422, 'table_invalid', 'rows.2.tahun'],
      ['tahun,kewenangan,kode_wilayah,panjang_km\n2024,,14.72.01,1\n', 422, 'table_invalid', 'rows.2.kewenangan'],
      ['tahun,kewenangan,kode_wilayah,panjang_km\n2024,"Kota,14.72.01,1\n', 422, 'table_unreadable', 'rows.2'],
      ['', 415, 'table_type', 'file'],
    ];
    for (const [csv, status, code, field] of cases) {
      const res = await submit(h, producer.token, name, csv);
      expect([res.status, res.body.code, res.body.field], csv).toEqual([status, code, field]);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const typed = await submit(h, producer.token, name, 'tahun,kewenangan,kode_wilayah,panjang_km\n2024,Kota,14.72.01,satu\n');
    expect(typed.body.message.id).toBe('Baris 2, kolom "panjang_km": harus bilangan desimal, bukan "satu".');
    expect(typed.body.message.en).toBe('Row 2, column "panjang_km": must be a decimal number, not "satu".');
    const region = await submit(h, producer.token, name, 'tahun,kewenangan,kode_wilayah,panjang_km\n2024,Kota,99.99,1\n');
    expect(region.body.errors[0]).toMatchObject({ code: 'unknown_region', field: 'rows.2.kode_wilayah' });
    // A binary file, a file without a note, no file at all.
    expect((await submit(h, producer.token, name, new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]))).body.code).toBe('table_type');
    expect((await submit(h, producer.token, name, ROAD_CSV, { note: '' })).body).toMatchObject({ code: 'note_required', field: 'note' });
    expect((await h().call('POST', `/api/v1/data/datasets/${name}/versions`, { token: producer.token, body: {} })).status).toBe(400);
    // Nothing was recorded: no version, no file left in the storage.
    const own = await h().call('GET', `/api/v1/data/datasets/${name}`, { token: producer.token });
    expect(own.body.versions).toEqual([]);
    expect(own.body.history.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('reads an XLSX workbook and names the row and column of a bad cell', async () => {
    const { toXlsx } = await import('../core/export/xlsx.js');
    const producer = await h().staff('opd_officer', 'PUPR');
    const name = await createDataset(h, producer.token, roads({ name: 'jalan-xlsx' }));
    const good = toXlsx(['tahun', 'kewenangan', 'kode_wilayah', 'panjang_km'], [[2024, 'Kota', '14.72.01', 10.5], [2025, 'Kota', '14.72.02', 11]]);
    const ok = await submit(h, producer.token, name, good, { filename: 'jalan.xlsx' });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body).toMatchObject({ rowCount: 2, summary: { totals: { panjang_km: 21.5 } }, resources: [{ format: 'XLSX', name: 'jalan.xlsx' }] });
    const bad = toXlsx(['tahun', 'kewenangan', 'kode_wilayah', 'panjang_km'], [[2024, 'Kota', '14.72.01', 10.5], [2025, 'Kota', '14.72.77', 11]]);
    const refused = await submit(h, producer.token, name, bad, { filename: 'jalan.xlsx' });
    expect([refused.status, refused.body.field]).toEqual([422, 'rows.3.kode_wilayah']);
  });
});
