import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { csvField, toCsv } from './csv.js';
import { columnName, toXlsx } from './xlsx.js';

const headers = ['Nomor', 'Judul', 'Hari kerja'];
const rows = [
  ['DMI-2026-000001', 'Jalan "rusak", berlubang\nbaris dua', 3],
  ['DMI-2026-000002', '=HYPERLINK("http://jahat.test","klik")', 1.5],
  ['DMI-2026-000003', '+62 812', null],
  ['DMI-2026-000004', '-1+1', -2],
  ['DMI-2026-000005', '@SUM(A1)', 0],
  ['DMI-2026-000006', 'Sampah & <limbah> di Jl. Sudirman — ñ', undefined],
];

describe('toCsv', () => {
  it('round-trips through a CSV parser with quotes, commas, newlines and Unicode', () => {
    const csv = toCsv(headers, rows);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const parsed = parse(csv, { bom: true }) as string[][];
    expect(parsed[0]).toEqual(headers);
    expect(parsed[1]).toEqual(['DMI-2026-000001', 'Jalan "rusak", berlubang\nbaris dua', '3']);
    expect(parsed[6]).toEqual(['DMI-2026-000006', 'Sampah & <limbah> di Jl. Sudirman — ñ', '']);
    expect(parsed).toHaveLength(7);
  });

  it('defuses text a spreadsheet would run as a formula, but keeps negative numbers', () => {
    const parsed = parse(toCsv(headers, rows), { bom: true }) as string[][];
    expect(parsed[2]![1]).toBe(`'=HYPERLINK("http://jahat.test","klik")`);
    expect(parsed[3]![1]).toBe(`'+62 812`);
    expect(parsed[4]![1]).toBe(`'-1+1`);
    expect(parsed[5]![1]).toBe(`'@SUM(A1)`);
    expect(parsed[4]![2]).toBe('-2');
    expect(csvField('\tcmd')).toBe(`'\tcmd`);
    expect(csvField('a=b')).toBe('a=b');
  });

  it('ends every line with CRLF', () => {
    expect(toCsv(['a'], [['x']]).toString('utf8')).toBe('\uFEFFa\r\nx\r\n');
  });
});

describe('toXlsx', () => {
  const unzip = (data: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(data)).map(([k, v]) => [k, strFromU8(v)]));
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, isArray: (name) => ['row', 'c'].includes(name) });

  it('names columns like a spreadsheet', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('writes a workbook whose sheet holds the header, text as inline strings and numbers as numbers', () => {
    const files = unzip(toXlsx(headers, rows, { sheetName: 'Laporan: 2026/03' }));
    expect(Object.keys(files).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort(),
    );
    expect(files['xl/workbook.xml']).toContain('name="Laporan  2026 03"');
    const sheet = xml.parse(files['xl/worksheets/sheet1.xml']!).worksheet;
    const table = (sheet.sheetData.row as { r: string; c?: { r: string; t?: string; v?: string; is?: { t: { '#text': string } } }[] }[]).map((row) => ({
      r: row.r,
      cells: (row.c ?? []).map((c) => [c.r, c.t === 'inlineStr' ? c.is!.t['#text'] : Number(c.v)]),
    }));
    expect(table).toHaveLength(7);
    expect(table[0]).toEqual({ r: '1', cells: [['A1', 'Nomor'], ['B1', 'Judul'], ['C1', 'Hari kerja']] });
    expect(table[1]!.cells).toEqual([['A2', 'DMI-2026-000001'], ['B2', 'Jalan "rusak", berlubang\nbaris dua'], ['C2', 3]]);
    // A formula-looking text stays text: inline strings are never evaluated.
    expect(table[2]!.cells[1]).toEqual(['B3', '=HYPERLINK("http://jahat.test","klik")']);
    expect(table[3]!.cells).toEqual([['A4', 'DMI-2026-000003'], ['B4', '+62 812']]);
    expect(table[4]!.cells[2]).toEqual(['C5', -2]);
    expect(table[6]!.cells[1]).toEqual(['B7', 'Sampah & <limbah> di Jl. Sudirman — ñ']);
    expect(files['xl/worksheets/sheet1.xml']).toContain('state="frozen"');
    expect(files['[Content_Types].xml']).toContain('/xl/worksheets/sheet1.xml');
  });

  it('drops control characters XML cannot carry', () => {
    const sheet = unzip(toXlsx(['a'], [['x\u0001y\u0008z']]))['xl/worksheets/sheet1.xml']!;
    expect(sheet).toContain('>xyz</t>');
  });
});
