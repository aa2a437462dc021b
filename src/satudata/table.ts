/**
 * Reading a version's table as it streams in — a CSV through csv-parse, a workbook's first sheet
 * through exceljs's streaming reader — and checking every cell against the dataset's variables:
 * the header names each variable once, each value has its variable's type, each region code is a
 * Kemendagri code the platform knows. What the pages and the steward need (row count, totals,
 * years, regions, a preview, the main series) is gathered on the way, so a million rows never sit
 * in memory. A refusal names the row (as a spreadsheet numbers it: the header is row 1) and column.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError, type FieldError } from '../core/errors.js';
import type { TableSummary, Variable } from './schema.js';
import { TYPE_LABELS } from './messages.js';

/** Cell errors listed in one refusal; the rest are counted only by fixing these first. */
const MAX_ERRORS = 20;
const PREVIEW_ROWS = 50;
/** The main series is drawn only when it has at most this many points (a chart, not a table). */
const MAX_POINTS = 400;
/** One line of a table; a longer one is a file that is not a table. */
const MAX_RECORD_BYTES = 64 * 1024;

export type Row = (string | null)[];

const cellError = (row: number, column: string, code: string, id: string, en: string): FieldError => ({
  field: `rows.${row}.${column}`,
  code,
  message: { id: `Baris ${row}, kolom "${column}": ${id}`, en: `Row ${row}, column "${column}": ${en}` },
});

const refuse = (errors: FieldError[]) => {
  const first = errors[0]!;
  return new AppError(422, 'table_invalid', first.message, { field: first.field, errors });
};

const isDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

/** The value as the variable's type, or an error's words. Decimal commas (Indonesian) are read as points. */
function check(v: Variable, raw: string, regions: ReadonlySet<string>): { ok: true; number?: number } | { ok: false; id: string; en: string } {
  const want = TYPE_LABELS[v.type];
  const wrong = { ok: false as const, id: `harus ${want.id}, bukan "${raw.slice(0, 40)}".`, en: `must be a ${want.en}, not "${raw.slice(0, 40)}".` };
  switch (v.type) {
    case 'integer':
      return /^-?\d{1,15}$/.test(raw) ? { ok: true, number: Number(raw) } : wrong;
    case 'decimal':
      return /^-?\d{1,15}([.,]\d{1,10})?$/.test(raw) ? { ok: true, number: Number(raw.replace(',', '.')) } : wrong;
    case 'year':
      return /^\d{4}$/.test(raw) && Number(raw) >= 1900 && Number(raw) <= 2100 ? { ok: true } : wrong;
    case 'date':
      return isDate(raw) ? { ok: true } : wrong;
    case 'region_code':
      return regions.has(raw)
        ? { ok: true }
        : { ok: false, id: `kode wilayah "${raw.slice(0, 40)}" tidak ada dalam kode wilayah Kemendagri.`, en: `region code "${raw.slice(0, 40)}" is not a Kemendagri region code.` };
    case 'text':
      return raw.length <= 1000 ? { ok: true } : { ok: false, id: 'teks terlalu panjang (maks. 1000 karakter).', en: 'text too long (max 1000 characters).' };
  }
}

/** Column positions of the variables, from the header; errors name a missing or unknown column. */
function columnsOf(header: Row, variables: readonly Variable[]): number[] {
  const names = header.map((h) => (h ?? '').trim().toLowerCase());
  const errors: FieldError[] = [];
  names.forEach((n, i) => {
    if (!variables.some((v) => v.name === n)) {
      errors.push(cellError(1, n || `#${i + 1}`, 'unknown_column', 'kolom ini bukan variabel dataset.', 'this column is not a variable of the dataset.'));
    } else if (names.indexOf(n) !== i) errors.push(cellError(1, n, 'duplicate_column', 'kolom ini muncul dua kali.', 'this column appears twice.'));
  });
  for (const v of variables) {
    if (!names.includes(v.name)) errors.push(cellError(1, v.name, 'missing_column', `kolom variabel "${v.label}" tidak ada di baris judul.`, `the variable "${v.label}" is missing from the header row.`));
  }
  if (errors.length) throw refuse(errors.slice(0, MAX_ERRORS));
  return variables.map((v) => names.indexOf(v.name));
}

/** The time variable (year, else date), else the first text-like one: what the series runs along. */
function seriesAxes(variables: readonly Variable[]) {
  const measure = variables.findIndex((v) => v.type === 'integer' || v.type === 'decimal');
  let by = variables.findIndex((v) => v.type === 'year');
  if (by < 0) by = variables.findIndex((v) => v.type === 'date');
  if (by < 0) by = variables.findIndex((v) => v.type === 'text' || v.type === 'region_code');
  return measure < 0 || by < 0 ? null : { measure, by };
}

/** Sums keep float noise out of the totals the steward compares. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** Checks every row against `variables` and sums up the table; throws 422 naming rows and columns. */
export async function readTable(rows: AsyncIterable<Row>, variables: readonly Variable[], regions: ReadonlySet<string>): Promise<TableSummary> {
  let cols: number[] | null = null;
  let line = 0;
  let dataRows = 0;
  const errors: FieldError[] = [];
  const totals: Record<string, number> = Object.fromEntries(variables.filter((v) => (v.type === 'integer' || v.type === 'decimal') && v.additive !== false).map((v) => [v.name, 0]));
  const years = new Set<number>();
  const regionCodes = new Set<string>();
  const preview: Row[] = [];
  const axes = seriesAxes(variables);
  let points: Map<string, number> | null = axes ? new Map() : null;

  for await (const raw of rows) {
    line++;
    if (!cols) {
      cols = columnsOf(raw, variables);
      continue;
    }
    if (raw.every((c) => c === null || c.trim() === '')) continue;
    dataRows++;
    const values: Row = cols.map((i) => {
      const c = raw[i];
      return c === null || c === undefined || c.trim() === '' ? null : c.trim();
    });
    if (raw.length > variables.length && raw.slice(variables.length).some((c) => c && c.trim())) {
      errors.push(cellError(line, `#${variables.length + 1}`, 'extra_cells', 'baris ini lebih panjang dari baris judul.', 'this row is longer than the header row.'));
    }
    const numbers: (number | undefined)[] = [];
    variables.forEach((v, i) => {
      const value = values[i];
      if (value === null || value === undefined) {
        if (!v.optional) errors.push(cellError(line, v.name, 'empty_cell', 'wajib diisi.', 'must not be empty.'));
        return;
      }
      const r = check(v, value, regions);
      if (!r.ok) return void errors.push(cellError(line, v.name, v.type === 'region_code' ? 'unknown_region' : 'wrong_type', r.id, r.en));
      numbers[i] = r.number;
      if (r.number !== undefined && v.name in totals) totals[v.name] = totals[v.name]! + r.number;
      if (v.type === 'year' && years.size < 1000) years.add(Number(value));
      if (v.type === 'date' && years.size < 1000) years.add(Number(value.slice(0, 4)));
      if (v.type === 'region_code') regionCodes.add(value);
    });
    if (errors.length >= MAX_ERRORS) break;
    if (preview.length < PREVIEW_ROWS) preview.push(values);
    if (points && axes) {
      const x = values[axes.by];
      const y = numbers[axes.measure];
      if (x !== null && x !== undefined && y !== undefined) points.set(x, (points.get(x) ?? 0) + y);
      if (points.size > MAX_POINTS) points = null;
    }
  }
  if (!cols) throw refuse([cellError(1, '-', 'empty_table', 'berkas kosong: tidak ada baris judul.', 'the file is empty: no header row.')]);
  if (errors.length) throw refuse(errors.slice(0, MAX_ERRORS));
  const series =
    axes && points
      ? {
          label: variables[axes.measure]!.label,
          measure: variables[axes.measure]!.name,
          by: variables[axes.by]!.name,
          points: [...points].map(([x, y]) => ({ x, y: round(y) })).sort((a, b) => (a.x < b.x ? -1 : a.x > b.x ? 1 : 0)),
        }
      : null;
  return {
    rowCount: dataRows,
    totals: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, round(v)])),
    years: [...years].sort(),
    regionCodes: [...regionCodes].sort(),
    preview,
    series,
  };
}

/** A CSV's records (comma or semicolon separated, as Indonesian spreadsheets save them). */
export function csvRows(input: Readable): AsyncIterable<Row> {
  const parser = parse({ bom: true, delimiter: [',', ';'], relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES });
  input.on('error', (err) => parser.destroy(err));
  return wrapErrors(input.pipe(parser) as AsyncIterable<Row>);
}

/** A workbook's first sheet, row by row; formulas give their saved results, dates their day. */
export async function* xlsxRows(input: Readable): AsyncIterable<Row> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' });
  try {
    for await (const sheet of reader) {
      let expected = 1;
      for await (const row of sheet) {
        // Blank rows are not emitted: keep the numbering the person sees in their spreadsheet.
        for (; expected < row.number; expected++) yield [];
        expected = row.number + 1;
        const values = (row.values as unknown[]).slice(1);
        yield Array.from(values, cellText);
      }
      return;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable();
  }
}

function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: string; error?: string };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if ('result' in o) return cellText(o.result);
    if (typeof o.text === 'string') return o.text;
    if (o.error) return o.error;
    return null;
  }
  return String(v);
}

const unreadable = () =>
  new AppError(422, 'table_unreadable', { id: 'Berkas tidak dapat dibaca sebagai tabel (CSV atau XLSX).', en: 'The file cannot be read as a table (CSV or XLSX).' }, { field: 'file' });

/** csv-parse's own failures (a quote never closed, a line beyond the limit) as a refusal naming the line. */
async function* wrapErrors(rows: AsyncIterable<Row>): AsyncIterable<Row> {
  try {
    yield* rows;
  } catch (err) {
    if (err instanceof AppError) throw err;
    const e = err as { code?: string; lines?: number };
    if (e.code?.startsWith('CSV_')) {
      const line = e.lines ?? 0;
      throw new AppError(
        422,
        'table_unreadable',
        { id: `Baris ${line}: CSV tidak dapat dibaca (${e.code}).`, en: `Row ${line}: the CSV cannot be read (${e.code}).` },
        { field: `rows.${line}` },
      );
    }
    throw err;
  }
}
