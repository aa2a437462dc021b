/**
 * CSV for spreadsheets (RFC 4180, CRLF, UTF-8 with a BOM so Excel reads Indonesian text right).
 * Text starting with = + - @ (or a tab / carriage return) is prefixed with ' so a spreadsheet never
 * runs it as a formula: exported cells carry what citizens and staff typed (CSV injection).
 */
export type Cell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(headers: readonly string[], rows: Iterable<readonly Cell[]>): Buffer {
  const lines = [headers.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
