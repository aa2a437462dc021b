import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from '../test/harness.js';
import { photo } from '../test/fixtures.js';
import { rowsOf } from '../core/db/json-rows.js';
import { file, request, step } from './test-fixtures.js';

const poa = (h: () => { call: (m: string, p: string, o?: object) => Promise<{ status: number; body: any; text: string }> }, number: string, data: Buffer, opts: { kunci?: string; token?: string; name?: string; type?: string } = {}) => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type: opts.type ?? 'image/jpeg' }), opts.name ?? 'surat-kuasa.jpg');
  return h().call('POST', `/api/v1/ppid/requests/${number}/power-of-attorney${opts.kunci ? `?kunci=${opts.kunci}` : ''}`, { token: opts.token, raw: form });
};

describeEachDatabase('ppid: filing online — for someone else, retried, or many at once', (h) => {
  it('takes the power of attorney after filing, through the secret link, and verifies only with it', async () => {
    h().setNow('2026-04-06T02:00:00Z');
    const utama = await h().staff('ppid_utama', 'DISKOMINFOTIKSAN');
    const { number, kunci } = await file(h, request({ onBehalfOf: 'Rosnah binti Ahmad (ibu pemohon)' }));

    const early = await step(h, number, 'verify', {}, { token: utama.token });
    expect([early.status, early.body.code, early.body.field]).toEqual([409, 'power_of_attorney_missing', 'powerOfAttorney']);

    // Nobody without the key or a part in the request can add one; a file that is no scan is refused.
    expect((await poa(h, number, await photo())).status).toBe(404);
    expect((await poa(h, number, await photo(), { kunci: 'x'.repeat(32) })).status).toBe(404);
    const bad = await poa(h, number, Buffer.from('MZ\x90\x00 not a scan'), { kunci, name: 'kuasa.exe', type: 'application/octet-stream' });
    expect([bad.status, bad.body.field]).toEqual([415, 'file']);
    // A text file is a document, but not a signed letter.
    const text = await poa(h, number, Buffer.from('Saya memberi kuasa kepada anak saya.\n'), { kunci, name: 'kuasa.txt', type: 'text/plain' });
    expect([text.status, text.body.code, text.body.field]).toEqual([415, 'paper_type', 'file']);
    expect((await h().call('GET', `/api/v1/ppid/requests/${number}?kunci=${kunci}`)).body.requester.hasPowerOfAttorney).toBe(false);

    // A phone photo of the signed letter, kept as a one-page PDF.
    const added = await poa(h, number, await photo('#ffffff'), { kunci });
    expect(added.status).toBe(200);
    expect(added.body.requester.hasPowerOfAttorney).toBe(true);
    expect(added.body.timeline.at(-1)).toMatchObject({ action: 'power_of_attorney', message: 'Surat kuasa diunggah.' });
    const url = added.body.requester.powerOfAttorneyUrl as string;
    const pdf = await h().call('GET', url);
    expect([pdf.status, pdf.headers.get('content-type'), pdf.text.slice(0, 5)]).toEqual([200, 'application/pdf', '%PDF-']);
    // The desk reads it too; the public never does, though the request id is known.
    const desk = await h().call('GET', `/api/v1/ppid/requests/${number}`, { token: utama.token });
    expect((await h().call('GET', desk.body.requester.powerOfAttorneyUrl, { token: utama.token })).status).toBe(200);
    expect((await h().call('GET', url.replace(/\?.*$/, ''))).status).toBe(404);

    expect((await step(h, number, 'verify', {}, { token: utama.token })).body.status).toBe('in_progress');
    const locked = await poa(h, number, await photo(), { kunci });
    expect([locked.status, locked.body.code]).toEqual([409, 'power_of_attorney_locked']);

    const own = await file(h);
    const notOnBehalf = await poa(h, own.number, await photo(), { kunci: own.kunci });
    expect([notOnBehalf.status, notOnBehalf.body.code]).toEqual([409, 'not_on_behalf']);
  });

  it('answers a retried anonymous filing with the same request and secret link, keeping the link’s key only encrypted', async () => {
    const headers = { 'idempotency-key': 'ppid-draft-5f1c2a9e77' };
    const first = await h().call('POST', '/api/v1/ppid/requests', { body: request(), headers });
    const again = await h().call('POST', '/api/v1/ppid/requests', { body: request(), headers });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.registrationNumber).toBe(first.body.registrationNumber);
    expect(again.body.secretLink).toBe(first.body.secretLink);
    const key = new URL(first.body.secretLink, 'http://x').searchParams.get('kunci')!;
    const kept = rowsOf<{ response: unknown }>(await h().ctx.db.execute(sql`select response from idempotency_keys where key = ${headers['idempotency-key']}`));
    expect(kept).toHaveLength(1);
    expect(JSON.stringify(kept[0]!.response)).not.toContain(key);
  });

  it('writes filings that arrive together once each, a key sent twice at once filing one request', async () => {
    const twice = { 'idempotency-key': 'ppid-draft-twice-0001' };
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        h().call('POST', '/api/v1/ppid/requests', { body: request({ information: `Data anggaran kegiatan nomor ${i < 2 ? 'sama' : i} tahun 2026.` }), headers: i < 2 ? twice : { 'idempotency-key': `ppid-draft-many-${i}` } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(201));
    const numbers = answers.map((a) => a.body.registrationNumber as string);
    expect(numbers[0]).toBe(numbers[1]);
    expect(new Set(numbers).size).toBe(11);
    const rows = rowsOf<{ n: number }>(await h().ctx.db.execute(sql`select count(*)::int as n from ppid_requests where information like 'Data anggaran kegiatan nomor%'`));
    expect(rows[0]!.n).toBe(11);
  });
});
