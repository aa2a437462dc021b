/**
 * Signing a one-page document (goal: p95 ≤ 200 ms): the whole of issueSignedDocument — the QR stamp,
 * the PAdES signature with the demo certificate, the check of the signature, the file stored and the
 * registry row — one after another, as an officer's "issue" would run it. Its own data folder; on a
 * given PostgreSQL database it removes its rows afterwards.
 *
 *   npx tsx bench/signing.ts [--samples 200]             # in-memory PGlite
 *   DATABASE_URL=postgres://… npx tsx bench/signing.ts   # on PostgreSQL
 *   npm run bench -- --only signing                      # as a row of the full harness
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import type { AppContext } from '../src/core/context.js';
import { openDatabase } from '../src/core/db/client.js';
import { seedReferenceData } from '../src/core/reference/seed.js';
import { createFieldCipher } from '../src/core/crypto/secrets.js';
import { createLocalStorage } from '../src/core/files/storage.js';
import { createCalendar } from '../src/core/calendar/calendar.js';
import { signedDocuments } from '../src/core/signing/schema.js';
import { issueLetter, letter } from '../src/core/signing/test-fixtures.js';

export const SIGNING_GOAL_MS = 200;

export interface SigningBench {
  database: 'pglite' | 'postgresql';
  samples: number;
  bytes: number;
  p50: number;
  p95: number;
  max: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

export async function benchSigning(databaseUrl: string | undefined, say: (line: string) => void, samples = 200): Promise<SigningBench> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khidmat-bench-signing-'));
  // The services' context as the server builds it, without the modules' routes (only signing runs here).
  const database = await openDatabase({ url: databaseUrl });
  await seedReferenceData(database.db);
  const ctx: AppContext = {
    config: { ...loadConfig({}), dataDir, databaseUrl },
    db: database.db,
    dbKind: database.kind,
    listen: database.listen,
    cipher: createFieldCipher(randomBytes(32)),
    storage: createLocalStorage(path.join(dataDir, 'files')),
    calendar: createCalendar(),
    clock: () => new Date(),
  };
  try {
    const pdf = await letter();
    say(`signing: ${samples} one-page documents (${pdf.length} bytes unsigned) on ${database.kind}, after 20 to warm up…`);
    // The first one makes the demo certificate; the warm-up lets the JIT settle as a running server's would.
    for (let i = 0; i < 20; i++) await issueLetter(ctx, { module: 'bench', pdf });
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < samples; i++) {
      const t = performance.now();
      const doc = await issueLetter(ctx, { module: 'bench', pdf });
      times.push(performance.now() - t);
      bytes = doc.pdf.length;
    }
    times.sort((a, b) => a - b);
    return { database: database.kind, samples, bytes, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times.at(-1)!) };
  } finally {
    await ctx.db.delete(signedDocuments).where(eq(signedDocuments.module, 'bench'));
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function signingMarkdown(r: SigningBench): string[] {
  return [
    `### Signing a one-page document (issueSignedDocument: QR stamp, PAdES signature, its check, file and registry row; ${r.database})`,
    '',
    '| samples | signed size | p50 | p95 | max | goal p95 |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${r.samples} | ${Math.round(r.bytes / 1024)} KB | ${r.p50} ms | ${r.p95} ms | ${r.max} ms | ≤ ${SIGNING_GOAL_MS} ms ${r.p95 <= SIGNING_GOAL_MS ? 'met' : 'missed'} |`,
    '',
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--samples');
  const result = await benchSigning(process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL, (l) => process.stdout.write(`${l}\n`), i > 0 ? Number(process.argv[i + 1]) : 200);
  process.stdout.write(`\n${signingMarkdown(result).join('\n')}\n${JSON.stringify({ date: new Date().toISOString(), loadAverage: os.loadavg()[0], ...result })}\n`);
}
