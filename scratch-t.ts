import { PgDialect } from 'drizzle-orm/pg-core';
import * as q from './src/dashboard/queries.js';
import { runsOf } from './src/dashboard/rollups.js';
const captured: any[] = [];
const fake = { execute: async (s: any) => { captured.push(s); return { rows: [] }; } } as any;
await q.dayFigures(fake, runsOf(process.argv.slice(2)), '2026-12-01');
const { sql: text, params } = new PgDialect().sqlToQuery(captured[0]);
const lit = (v: any) => v instanceof Date ? `'${v.toISOString()}'::timestamptz` : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
console.log(text.replace(/\$(\d+)/g, (_, n) => lit(params[Number(n) - 1])) + ';');
