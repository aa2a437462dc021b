/**
 * GeoReport v2 documents in the two formats the spec defines. JSON is the plain structure (lists
 * are bare arrays); XML names every list element, e.g. <services><service>…</service></services>.
 */
import { XMLBuilder } from 'fast-xml-parser';

export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

export type Value = string | number | boolean | null | Value[] | Row;
export interface Row {
  [field: string]: Value;
}

/** A list of <item> elements under <root>, or a single <root> element. */
export type Doc = { root: string; item: string; list: Row[] } | { root: string; object: Row };

export const CONTENT_TYPES: Record<Format, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };

/** Element names of the entries of nested lists, which JSON leaves unnamed. */
const XML_ITEM: Record<string, string> = { endpoints: 'endpoint', formats: 'format', attributes: 'attribute' };

const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: false });

function xmlValue(value: Value): unknown {
  if (value === null) return null;
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(xmlValue);
  return xmlRow(value);
}

function xmlRow(row: Row): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([field, value]) => {
      if (!Array.isArray(value)) return [field, xmlValue(value)];
      const item = XML_ITEM[field];
      if (!item) throw new Error(`no XML element name for the entries of "${field}"`);
      return [field, { [item]: value.map(xmlValue) }];
    }),
  );
}

export function render(format: Format, doc: Doc): string {
  if (format === 'json') return JSON.stringify('list' in doc ? doc.list : doc.object);
  const body = 'list' in doc ? { [doc.item]: doc.list.map(xmlRow) } : xmlRow(doc.object);
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, [doc.root]: body });
}

/** The format an answer should take, read from the path even when the route did not match or validate. */
export const formatOfUrl = (url: string): Format => (/\.xml$/i.test(url.split('?')[0] ?? '') ? 'xml' : 'json');
