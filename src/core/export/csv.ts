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

/** Rows given in any number of parts (pages of a query), then the file: encoded as they come. */
export function csvWriter(headers: readonly string[]) {
  const parts = [Buffer.from(`\uFEFF${headers.map(csvField).join(',')}\r\n`, 'utf8')];
  return {
    add(rows: Iterable<readonly Cell[]>) {
      let lines: string[] = [];
      for (const row of rows) {
        lines.push(`${row.map(csvField).join(',')}\r\n`);
        if (lines.length === 1000) {
          parts.push(Buffer.from(lines.join(''), 'utf8'));
          lines = [];
        }
      }
      if (lines.length) parts.push(Buffer.from(lines.join(''), 'utf8'));
    },
    end: (): Buffer => Buffer.concat(parts),
  };
}

export function toCsv(headers: readonly string[], rows: Iterable<readonly Cell[]>): Buffer {
  const writer = csvWriter(headers);
  writer.add(rows);
  return writer.end();
}
