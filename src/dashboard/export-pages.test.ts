/** The export is read and written a page at a time: any page size gives the same file. */
import { beforeAll, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { describeEachDatabase } from '../test/harness.js';
import { seed } from './test-seed.js';
import { exportPaging } from './service.js';

describeEachDatabase('dashboard export in pages', (h) => {
  let exec: string;
  beforeAll(async () => {
    await seed(h());
    exec = (await h().staff('executive')).token;
  });
  const get = async (format: 'csv' | 'xlsx', rows: number) => {
    const saved = exportPaging.rows;
    exportPaging.rows = rows;
    try {
      const res = await fetch(`${h().baseUrl}/api/v1/dashboard/export.${format}?from=2026-02-27&to=2026-03-13`, { headers: { authorization: `Bearer ${exec}` } });
      expect(res.status).toBe(200);
      return new Uint8Array(await res.arrayBuffer());
    } finally {
      exportPaging.rows = saved;
    }
  };

  it('writes the same rows, in the same order, whatever the page size', async () => {
    const whole = Buffer.from(await get('csv', 5000)).toString('utf8');
    expect(whole.split('\r\n').filter(Boolean)).toHaveLength(7);
    // Pages of two rows: F, A | B, C | D, E (six reports), and an empty page is never needed.
    expect(Buffer.from(await get('csv', 2)).toString('utf8')).toBe(whole);
    expect(Buffer.from(await get('csv', 4)).toString('utf8')).toBe(whole);
    const sheet = (file: Uint8Array) => strFromU8(unzipSync(file)['xl/worksheets/sheet1.xml']!);
    const xlsx = sheet(await get('xlsx', 5000));
    expect(xlsx.match(/<row /g)).toHaveLength(7);
    expect(sheet(await get('xlsx', 2))).toBe(xlsx);
  });
});
