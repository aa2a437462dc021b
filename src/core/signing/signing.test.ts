import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import jsqr from 'jsqr';
import sharp from 'sharp';
import { describeEachDatabase, type Harness } from '../../test/harness.js';
import { auditLog } from '../audit/schema.js';
import { signedDocuments } from './schema.js';
import { issueLetter, tamper } from './test-fixtures.js';
import { verificationUrl } from './service.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const codeOf = (url: string) => url.split('/verifikasi/')[1]!;

function upload(h: Harness, code: string, data: Uint8Array | null, name = 'dokumen.pdf', type = 'application/pdf') {
  const form = new FormData();
  if (data) form.append('file', new Blob([new Uint8Array(data)], { type }), name);
  return h.call('POST', `/api/v1/verifications/${code}/check`, { raw: form });
}

/** The CMS in the last /ByteRange gap, parsed independently of the code under test. */
function cmsOf(pdf: Buffer): pkijs.SignedData {
  const m = [...pdf.toString('latin1').matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].at(-1)!;
  const [b, c] = [Number(m[2]), Number(m[3])];
  const der = Buffer.from(pdf.toString('latin1', b + 1, c - 1), 'hex');
  return new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: asn1js.fromBER(der).result }).content });
}

const havePdfsig = fs.existsSync('/usr/bin/pdfsig');
const havePdftoppm = fs.existsSync('/usr/bin/pdftoppm');
const haveQpdf = fs.existsSync('/usr/bin/qpdf');

describeEachDatabase('signed documents: issue, verify, revoke', (h) => {
  it('issues a PAdES-signed PDF with its QR stamp; the public page shows it, holder masked, and a faithful copy checks as authentic', async () => {
    const doc = await issueLetter(h().ctx, { holderName: 'Budi Santoso', validUntil: new Date('2027-03-02T00:00:00Z') });
    expect(doc.sha256).toBe(sha256(doc.pdf));
    expect(doc.verificationUrl).toBe(verificationUrl(h().ctx.config, codeOf(doc.verificationUrl)));

    const shown = await h().call('GET', `/api/v1/verifications/${codeOf(doc.verificationUrl)}`);
    expect(shown.status, shown.text).toBe(200);
    expect(shown.body).toMatchObject({
      documentNumber: doc.documentNumber,
      title: 'Surat Keterangan Domisili',
      issuer: { code: 'DISDUKCAPIL' },
      holder: 'Bu*** Sa***',
      status: 'valid',
      revokedAt: null,
      validUntil: '2027-03-02T00:00:00.000Z',
      sha256: doc.sha256,
    });
    expect(shown.body.signer).toContain('CN=Penanda Tangan Dokumen DEMO');
    expect(shown.text).not.toContain('Budi');

    const check = await upload(h(), codeOf(doc.verificationUrl), doc.pdf);
    expect(check.status, check.text).toBe(200);
    expect(check.body).toMatchObject({ verdict: 'authentic', sha256: doc.sha256, signature: { present: true, intact: true, coversWholeFile: true, sameSigner: true } });

    // The signature dictionary says PAdES, and the CMS verifies on its own (pkijs, read here from the bytes).
    const pdf = Buffer.from(doc.pdf);
    expect(pdf.toString('latin1')).toMatch(/\/SubFilter\s*\/ETSI\.CAdES\.detached/);
    const m = [...pdf.toString('latin1').matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].at(-1)!;
    const [b, c, d] = [Number(m[2]), Number(m[3]), Number(m[4])];
    expect(c + d).toBe(pdf.length);
    const signed = Buffer.concat([pdf.subarray(0, b), pdf.subarray(c)]);
    const cms = cmsOf(pdf);
    const attrs = cms.signerInfos[0]!.signedAttrs!.attributes.map((a) => a.type);
    // content type, message digest, ESS signing-certificate-v2; no signing-time (PAdES baseline B)
    expect(attrs).toEqual(['1.2.840.113549.1.9.3', '1.2.840.113549.1.9.4', '1.2.840.113549.1.9.16.2.47']);
    expect(await cms.verify({ signer: 0, data: new Uint8Array(signed).buffer, checkChain: false })).toBe(true);
    expect(pdf.toString('latin1')).toContain(`/Reason (Surat Keterangan Domisili ${doc.documentNumber})`);
  });

  it.skipIf(!havePdfsig && !haveQpdf)('poppler (pdfsig) validates the signature and qpdf finds the file sound', async () => {
    const doc = await issueLetter(h().ctx);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'signed-')), 'surat.pdf');
    fs.writeFileSync(file, doc.pdf);
    if (havePdfsig) {
      const out = execFileSync('pdfsig', [file], { encoding: 'utf8' });
      expect(out).toContain('Signature Type: ETSI.CAdES.detached');
      expect(out).toContain('Total document signed');
      expect(out).toContain('Signature Validation: Signature is Valid.');
      fs.writeFileSync(file, tamper(doc.pdf));
      expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).not.toContain('Signature is Valid.');
      fs.writeFileSync(file, doc.pdf);
    }
    if (haveQpdf) expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it.skipIf(!havePdftoppm)('stamps a QR code that reads back as the verification address (the page rendered by poppler)', async () => {
    const doc = await issueLetter(h().ctx);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signed-qr-'));
    fs.writeFileSync(path.join(dir, 'surat.pdf'), doc.pdf);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', path.join(dir, 'surat.pdf'), path.join(dir, 'page')]);
    const { data, info } = await sharp(path.join(dir, 'page.png')).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(jsqr.default(new Uint8ClampedArray(data), info.width, info.height)?.data).toBe(doc.verificationUrl);
  });

  it('detects a copy with one byte changed, one with bytes appended after signing, another document, and an unsigned one', async () => {
    const doc = await issueLetter(h().ctx);
    const code = codeOf(doc.verificationUrl);
    const changed = await upload(h(), code, tamper(doc.pdf));
    expect(changed.body).toMatchObject({ verdict: 'altered', signature: { present: true, intact: false } });
    expect(changed.body.sha256).not.toBe(doc.sha256);

    // An incremental update leaves the old signature intact but no longer covering the whole file.
    const appended = Buffer.concat([Buffer.from(doc.pdf), Buffer.from('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n')]);
    expect((await upload(h(), code, appended)).body).toMatchObject({ verdict: 'altered', signature: { intact: true, coversWholeFile: false } });

    const other = await issueLetter(h().ctx, { holderName: 'Siti Aminah' });
    expect((await upload(h(), code, other.pdf)).body).toMatchObject({ verdict: 'different', signature: { intact: true, coversWholeFile: true, sameSigner: true } });

    const { letter } = await import('./test-fixtures.js');
    expect((await upload(h(), code, await letter())).body).toMatchObject({ verdict: 'unsigned', signature: { present: false } });
  });

  it('refuses bad input with problem+json naming the field', async () => {
    const doc = await issueLetter(h().ctx);
    const code = codeOf(doc.verificationUrl);
    const notPdf = await upload(h(), code, Buffer.from('PK\u0003\u0004 bukan pdf'), 'x.pdf');
    expect([notPdf.status, notPdf.body.code, notPdf.body.field, notPdf.headers.get('content-type')]).toEqual([415, 'document_type', 'file', 'application/problem+json; charset=utf-8']);
    expect(notPdf.body.message.id).toContain('PDF');
    const none = await upload(h(), code, null);
    expect([none.status, none.body.code, none.body.field]).toEqual([400, 'upload_missing', 'file']);
    const big = await upload(h(), code, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(11 * 1024 * 1024)]));
    expect([big.status, big.body.code, big.body.field]).toEqual([413, 'upload_too_large', 'file']);
    expect((await h().call('GET', '/api/v1/verifications/AAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await upload(h(), 'AAAAAAAAAAAAAAAA', doc.pdf)).status).toBe(404);
    const malformed = await h().call('GET', '/api/v1/verifications/not-a-code');
    expect([malformed.status, malformed.body.field]).toEqual([400, 'code']);

    await expect(issueLetter(h().ctx, { issuerOpd: 'NOPE' })).rejects.toMatchObject({ status: 422, field: 'issuerOpd' });
    await expect(issueLetter(h().ctx, { validUntil: new Date('2020-01-01T00:00:00Z') })).rejects.toMatchObject({ status: 422, field: 'validUntil' });
    await expect(issueLetter(h().ctx, { pdf: Buffer.from('not a pdf') })).rejects.toMatchObject({ status: 422, field: 'pdf' });
  });

  it("revokes only by the issuing OPD's admin or the super admin; the page then shows it revoked with the date", async () => {
    const doc = await issueLetter(h().ctx);
    const url = `/api/v1/signed-documents/${doc.id}/revoke`;
    const body = { reason: 'Diganti surat baru karena salah alamat.' };
    const otherAdmin = await h().staff('opd_admin', 'PUPR');
    const officer = await h().staff('opd_officer', 'DISDUKCAPIL');
    const admin = await h().staff('opd_admin', 'DISDUKCAPIL');
    const citizen = await h().citizen();
    expect((await h().call('POST', url, { body })).status).toBe(401);
    expect((await h().call('POST', url, { body, token: citizen.token })).status).toBe(403);
    expect((await h().call('POST', url, { body, token: officer.token })).status).toBe(403);
    expect((await h().call('POST', url, { body, token: otherAdmin.token })).status).toBe(404);
    const short = await h().call('POST', url, { body: { reason: 'x' }, token: admin.token });
    expect([short.status, short.body.code, short.body.field]).toEqual([422, 'revocation_reason', 'reason']);

    h().setNow('2026-03-02T05:00:00Z');
    const revoked = await h().call('POST', url, { body, token: admin.token });
    expect(revoked.status, revoked.text).toBe(204);
    const shown = await h().call('GET', `/api/v1/verifications/${codeOf(doc.verificationUrl)}`);
    expect(shown.body).toMatchObject({ status: 'revoked', revokedAt: '2026-03-02T05:00:00.000Z' });
    expect(shown.text).not.toContain('salah alamat');
    // A faithful copy of a revoked document is still the original: the page shows both facts.
    expect((await upload(h(), codeOf(doc.verificationUrl), doc.pdf)).body).toMatchObject({ verdict: 'authentic', document: { status: 'revoked' } });
    const again = await h().call('POST', url, { body, token: admin.token });
    expect([again.status, again.body.code]).toEqual([409, 'already_revoked']);
    const lines = await h().ctx.db.select().from(auditLog).where(and(eq(auditLog.entity, 'signed_document'), eq(auditLog.entityId, doc.id)));
    expect(lines.map((l) => [l.action, l.actorId])).toEqual([['signed_document.revoke', admin.userId]]);
    const [row] = await h().ctx.db.select().from(signedDocuments).where(eq(signedDocuments.id, doc.id));
    expect(row).toMatchObject({ revokedBy: admin.userId, revocationReason: body.reason });
  });

  it('shows a document past its validity as expired', async () => {
    h().setNow('2026-03-04T02:00:00Z');
    const doc = await issueLetter(h().ctx, { validUntil: new Date('2026-03-10T00:00:00Z') });
    const url = `/api/v1/verifications/${codeOf(doc.verificationUrl)}`;
    expect((await h().call('GET', url)).body.status).toBe('valid');
    h().setNow('2026-03-10T00:00:01Z');
    expect((await h().call('GET', url)).body.status).toBe('expired');
  });
});
