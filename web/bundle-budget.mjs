// Prints the citizen pages' initial JavaScript (entry + modulepreloads, gzipped) and fails the
// build above the budget: citizens open Khidmat on cheap phones over slow mobile networks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 200 * 1024;
const dir = new URL('../dist/web/', import.meta.url).pathname;
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const f of files) {
  const size = gzipSync(readFileSync(join(dir, f)), { level: 9 }).length;
  total += size;
  console.log(`  ${f.padEnd(40)} ${(size / 1024).toFixed(1)} KB gz`);
}
console.log(`Initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (budget ${BUDGET / 1024} KB)`);
if (total > BUDGET) {
  console.error('Over budget: move code behind a lazy import.');
  process.exit(1);
}
