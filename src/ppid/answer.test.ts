import { expect, it } from 'vitest';
import { isNotNull } from 'drizzle-orm';
import { describeEachDatabase } from '../test/harness.js';
import { uploadDocument } from '../test/fixtures.js';
import { renderPdf } from '../core/export/pdf.js';
import { deliverDue, type Mail } from '../core/notifications/delivery.js';
import { outbox } from '../core/notifications/schema.js';
import { file, request, step, type H } from './test-fixtures.js';

const contract = () => renderPdf('Kontrak', (d) => d.text('Kontrak pemeliharaan Jalan Sultan Syarif Kasim 2026'));

async function deliver(h: H): Promise<Mail[]> {
  const sent: Mail[] = [];
  await deliverDue(h().ctx, async (m) => void sent.push(m));
  return sent;
}

describeEachDatabase(
  'ppid: the written notice and its documents',
  (h) => {
    it('emails a requester without an account the secret link, then the notice with the documents attached; the link downloads them', async () => {
      h().setNow('2026-08-03T02:00:00Z');
      const utama = await h().staff('ppid_utama', 'DISKOMINFOTIKSAN');
      const pupr = await h().staff('ppid_pelaksana', 'PUPR');
      const filed = await file(h);
      const [receipt] = await deliver(h);
      expect(receipt).toMatchObject({ to: 'fitriani@mail.test', subject: `Permohonan informasi ${filed.number} diterima` });
      expect(receipt!.text).toContain(`/ppid/permohonan/${filed.number}?kunci=${filed.kunci}`);
      // Delivered: the outbox keeps neither the address nor the secret link.
      expect(await h().ctx.db.select().from(outbox).where(isNotNull(outbox.address))).toEqual([]);
      expect(JSON.stringify(await h().ctx.db.select().from(outbox))).not.toContain(filed.kunci);

      await step(h, filed.number, 'verify', {}, { token: utama.token });
      await step(h, filed.number, 'route', { opdCode: 'PUPR' }, { token: utama.token });
      await deliver(h);

      // Citizens attach photos; documents are the officers'.
      const citizen = await h().citizen();
      expect((await uploadDocument(h(), citizen.token, await contract())).status).toBe(403);
      const notPdf = await uploadDocument(h(), pupr.token, Buffer.from([0x4d, 0x5a, 0x90, 0x00]), 'kontrak.pdf');
      expect([notPdf.status, notPdf.body.code, notPdf.body.field]).toEqual([415, 'document_type', 'file']);
      const doc = await uploadDocument(h(), pupr.token, await contract(), 'Kontrak SSK 2026.pdf');
      expect(doc.status, doc.text).toBe(201);
      expect(doc.body).toMatchObject({ mime: 'application/pdf', name: 'Kontrak SSK 2026.pdf', pages: 1 });
      const sheet = await uploadDocument(h(), pupr.token, Buffer.from('paket,nilai\nPemeliharaan SSK,1250000000\n'), 'rincian.csv', 'text/csv');
      const stranger = await uploadDocument(h(), utama.token, await contract(), 'lain.pdf');

      const theirs = await step(h, filed.number, 'grant', { message: 'Kontrak terlampir.', documentIds: [stranger.body.id] }, { token: pupr.token });
      expect([theirs.status, theirs.body.code, theirs.body.field]).toEqual([422, 'unknown_document', 'documentIds']);
      const granted = await step(h, filed.number, 'grant', { message: 'Kontrak dan rinciannya terlampir.', documentIds: [doc.body.id, sheet.body.id] }, { token: pupr.token });
      expect(granted.status, granted.text).toBe(200);
      expect(granted.body.answer.documents.map((d: { name: string }) => d.name)).toEqual(['Kontrak SSK 2026.pdf', 'rincian.csv']);

      const [answer] = await deliver(h);
      expect(answer).toMatchObject({ to: 'fitriani@mail.test', subject: `Permohonan informasi ${filed.number}: Dikabulkan seluruhnya` });
      expect(answer!.attachments?.map((a) => [a.filename, a.contentType])).toEqual([['Kontrak SSK 2026.pdf', 'application/pdf'], ['rincian.csv', 'text/csv']]);
      expect(answer!.attachments![0]!.content.subarray(0, 5).toString()).toBe('%PDF-');

      // The secret link shows the notice and the documents, with their download links.
      const seen = await h().call('GET', `/api/v1/ppid/requests/${filed.number}?kunci=${filed.kunci}`);
      const [pdfLink, csvLink] = seen.body.answer.documents.map((d: { url: string }) => d.url);
      expect(pdfLink).toContain(`kunci=${filed.kunci}`);
      const downloaded = await h().call('GET', pdfLink);
      expect([downloaded.status, downloaded.headers.get('content-type'), downloaded.text.slice(0, 5)]).toEqual([200, 'application/pdf', '%PDF-']);
      expect(downloaded.headers.get('content-disposition')).toContain('attachment');
      expect((await h().call('GET', csvLink)).text).toContain('Pemeliharaan SSK');
      const notice = await h().call('GET', seen.body.answer.noticeUrl);
      expect([notice.status, notice.headers.get('content-type'), notice.text.slice(0, 5)]).toEqual([200, 'application/pdf', '%PDF-']);
      // The notice names the requester: only for those who may see the request.
      expect((await h().call('GET', `/api/v1/ppid/requests/${filed.number}/notice.pdf`)).status).toBe(404);
      // The answer is public (consent, nothing withheld): the archive links the documents for anyone.
      const archived = (await h().call('GET', '/api/v1/ppid/archive?q=kontrak')).body.items.find((i: { registrationNumber: string }) => i.registrationNumber === filed.number);
      expect(archived.answer.documents).toHaveLength(2);
      expect((await h().call('GET', archived.answer.documents[0].url)).status).toBe(200);
    });

    it('keeps documents of a non-public answer to the requester; a partial grant names its redactions', async () => {
      h().setNow('2026-08-04T02:00:00Z');
      const utama = await h().staff('ppid_utama', 'DISKOMINFOTIKSAN');
      const filed = await file(h, request({ publicConsent: false, deliveryMethod: 'collect' }));
      await step(h, filed.number, 'verify', {}, { token: utama.token });
      const doc = await uploadDocument(h(), utama.token, await contract());
      const wrongLetter = await step(
        h,
        filed.number,
        'grant-partly',
        { message: 'Sebagian.', exemptions: ['h'], consequenceTest: 'Nomor rekening pribadi penyedia.', redactions: [{ part: 'Nomor rekening', exemption: 'b' }], documentIds: [doc.body.id] },
        { token: utama.token },
      );
      expect([wrongLetter.status, wrongLetter.body.code, wrongLetter.body.field]).toEqual([422, 'redaction_ground', 'redactions']);
      const partly = await step(
        h,
        filed.number,
        'grant-partly',
        { message: 'Diberikan tanpa nomor rekening.', exemptions: ['h'], consequenceTest: 'Nomor rekening pribadi penyedia.', redactions: [{ part: 'Nomor rekening penyedia, halaman 3', exemption: 'h' }], documentIds: [doc.body.id] },
        { token: utama.token },
      );
      expect(partly.status, partly.text).toBe(200);
      expect(partly.body.answer.redactions).toEqual([{ part: 'Nomor rekening penyedia, halaman 3', exemption: 'h' }]);
      const url = partly.body.answer.documents[0].url as string;
      expect((await h().call('GET', url, { token: utama.token })).status).toBe(200);
      expect((await h().call('GET', url)).status).toBe(404);
      expect((await h().call('GET', `${url}?kunci=${filed.kunci}`)).status).toBe(200);
      // Collected at the desk: the email says it is answered, with nothing attached.
      const sent = await deliver(h);
      expect(sent.find((m) => m.subject.includes('Dikabulkan sebagian'))?.attachments).toBeUndefined();
      const notice = await h().call('GET', `/api/v1/ppid/requests/${filed.number}/notice.pdf?kunci=${filed.kunci}`);
      expect(notice.status).toBe(200);
    });
  },
  { smtp: { url: 'smtp://127.0.0.1:1', from: 'PPID <ppid@dumaikota.go.id>' } },
);
