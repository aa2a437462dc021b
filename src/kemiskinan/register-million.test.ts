import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, expect, it } from 'vitest';
import { describeEachDatabase, dumaiNik } from '../test/harness.js';
import { BAGAN_KELADI, complaintBody, dinsos, REGISTER_HEADER } from './test-fixtures.js';
import { processQueuedImports } from './register-import.js';

const ROWS = Number(process.env.KHIDMAT_REGISTER_ROWS ?? 1_000_000);
const KELURAHAN = ['14.72.01.1003', '14.72.01.1006', BAGAN_KELADI, '14.72.02.1002', '14.72.03.1001'];
/** What the JS heap may keep (measured after a collection) while a register of any size streams in. */
const HEAP_BOUND = 64 * 1024 * 1024;
/** On PostgreSQL the data lives in the server, so the whole process stays bounded too. */
const RSS_BOUND_PG = 400 * 1024 * 1024;

/** Person i: a valid Dumai NIK (kecamatan 01–07, a birth date and a serial from i), four per KK. */
function person(i: number): { nik: string; kk: string } {
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 12);
  const year = 40 + (Math.floor(i / 336) % 60);
  const serial = 1 + Math.floor(i / 20160);
  const nik = `14720${1 + (i % 7)}${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
  return { nik, kk: `1472${String(Math.floor(i / 4)).padStart(6, '0')}010126` };
}

/** Streams the register to a temp file, minding back-pressure, never holding it in memory. */
async function writeRegister(file: string, rows: number, period: string): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write(`${REGISTER_HEADER}\n`);
  for (let i = 0; i < rows; i++) {
    const p = person(i);
    const line = `${p.nik},${p.kk},Warga ${i},"Jl. Contoh No. ${i % 500}, RT ${1 + (i % 9)}",${KELURAHAN[i % KELURAHAN.length]},${1 + (i % 10)},${i % 3 === 0 ? 'PKH;BPNT' : 'PBI-JK'},${period}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

// A full collection before each sample, so the peak is what the import holds, not garbage V8 has not swept yet.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const files: string[] = [];
afterAll(() => files.forEach((f) => fs.rmSync(f, { force: true })));

describeEachDatabase('kemiskinan: a million-row register streams in with bounded memory', (h) => {
  it(`imports ${ROWS.toLocaleString('en')} rows, then matches a household against them`, { timeout: 30 * 60_000 }, async () => {
    const desk = await dinsos(h, 'dinsos_desk');
    const file = path.join(os.tmpdir(), `khidmat-dtsen-${process.pid}-${h().kind}.csv`);
    files.push(file);
    await writeRegister(file, ROWS, '2026-05');

    const form = new FormData();
    form.append('file', await fs.openAsBlob(file, { type: 'text/csv' }), 'dtsen-2026-05.csv');
    const up = await h().call('POST', '/api/v1/kemiskinan/register/imports?period=2026-05', { token: desk.token, raw: form });
    expect(up.status).toBe(202);
    expect(up.body.bytesTotal).toBe(fs.statSync(file).size);

    gc();
    const base = process.memoryUsage();
    const peak = { heap: 0, rss: 0 };
    const sample = () => {
      gc();
      const m = process.memoryUsage();
      peak.heap = Math.max(peak.heap, m.heapUsed - base.heapUsed);
      peak.rss = Math.max(peak.rss, m.rss - base.rss);
    };
    const timer = setInterval(sample, 500);
    const started = Date.now();
    await processQueuedImports(h().ctx);
    clearInterval(timer);
    sample();
    const seconds = (Date.now() - started) / 1000;
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    process.stdout.write(`[register ${h().kind}] ${ROWS} rows in ${seconds.toFixed(1)} s; peak growth of the heap after collection ${mb(peak.heap)} MB, rss ${mb(peak.rss)} MB\n`);

    const result = await h().call('GET', `/api/v1/kemiskinan/register/imports/${up.body.id}`, { token: await h().login(desk.email) });
    expect(result.body).toMatchObject({ status: 'applied', rowsRead: ROWS, rowsAccepted: ROWS, rowsRejected: 0, progress: 1, error: null });
    expect(peak.heap).toBeLessThan(HEAP_BOUND);
    if (h().kind === 'postgresql') expect(peak.rss).toBeLessThan(RSS_BOUND_PG);

    const token = await h().login(desk.email);
    expect((await h().call('GET', '/api/v1/kemiskinan/register', { token })).body).toMatchObject({ period: '2026-05', persons: ROWS });
    // A household from the middle of the file is found by the keyed hash of its KK.
    const somebody = person(Math.floor(ROWS / 2));
    const op = await h().staff('volunteer');
    const filed = await h().call('POST', '/api/v1/kemiskinan/complaints', {
      token: op.token,
      body: complaintBody({ kk: somebody.kk, members: [{ nik: dumaiNik(), name: 'Warga Tengah', relation: 'kepala' }] }),
    });
    expect(filed.body).toMatchObject({ status: 'submitted', registered: true, register: { period: '2026-05' } });
  });
});
