import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { afterAll, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import type { AppContext } from '../context.js';
import { createFieldCipher } from '../crypto/secrets.js';
import { createLocalStorage } from '../files/storage.js';
import { DEMO_CREDENTIALS_KEY, makeDemoCertificate, signingCredentials } from './credentials.js';
import { localSigner } from './signer.js';
import { certificateSha256, checkSignature } from './verify.js';
import { letter } from './test-fixtures.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signing-cred-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What the credentials read: the configuration, the file storage and the field cipher. */
function context(env: NodeJS.ProcessEnv = {}, storageDir = path.join(dir, 'files'), key = masterKey): AppContext {
  return { config: loadConfig(env), storage: createLocalStorage(storageDir), cipher: createFieldCipher(key), clock: () => new Date('2026-03-02T02:00:00Z') } as AppContext;
}
const masterKey = randomBytes(32);

it('makes a self-signed demo certificate on the first start, keeps it in the file storage with its key encrypted, and reuses it on later starts', async () => {
  const first = await signingCredentials(context());
  const stored = await context().storage.get(DEMO_CREDENTIALS_KEY);
  const json = JSON.parse(stored.toString('utf8'));
  expect(json.certificatePem).toContain('BEGIN CERTIFICATE');
  expect(stored.toString('utf8')).not.toContain('PRIVATE KEY');
  expect(first.signerName).toBe('Penanda Tangan Dokumen DEMO Kota Dumai');

  // A later start (a new context on the same storage and master key) signs with the same certificate.
  const later = await signingCredentials(context());
  expect(certificateSha256(later.certificate)).toBe(certificateSha256(first.certificate));
  expect(await context().storage.get(DEMO_CREDENTIALS_KEY)).toEqual(stored);

  // Under another master key the stored key cannot be read: said plainly, nothing overwritten.
  await expect(signingCredentials(context({}, path.join(dir, 'files'), randomBytes(32)))).rejects.toThrow(/another KHIDMAT_SECRET_KEY/);
  expect(await context().storage.get(DEMO_CREDENTIALS_KEY)).toEqual(stored);

  const signed = await localSigner(later).sign(await letter(), { reason: 'uji', location: 'Dumai', contactInfo: 'Disdukcapil', signingTime: new Date() });
  expect(await checkSignature(signed)).toMatchObject({ intact: true, coversWholeFile: true, signerCertSha256: certificateSha256(first.certificate) });
});

it("signs with the city's PKCS#12 file when configured, and refuses a wrong password", async () => {
  const made = makeDemoCertificate('Kota Dumai', new Date());
  const p12 = forge.pkcs12.toPkcs12Asn1(forge.pki.privateKeyFromPem(made.privateKeyPem), [forge.pki.certificateFromPem(made.certificatePem)], 'sandi-rahasia', { algorithm: '3des' });
  const file = path.join(dir, 'kota.p12');
  fs.writeFileSync(file, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));

  const cred = await signingCredentials(context({ SIGNING_P12_PATH: file, SIGNING_P12_PASSWORD: 'sandi-rahasia' }, path.join(dir, 'other')));
  const expected = forge.util.bytesToHex(forge.md.sha256.create().update(forge.asn1.toDer(forge.pki.certificateToAsn1(forge.pki.certificateFromPem(made.certificatePem))).getBytes()).digest().getBytes());
  expect(certificateSha256(cred.certificate)).toBe(expected);
  const signed = await localSigner(cred).sign(await letter(), { reason: 'uji', location: 'Dumai', contactInfo: 'Disdukcapil', signingTime: new Date() });
  expect(await checkSignature(signed)).toMatchObject({ intact: true, signerCertSha256: expected });
  // No demo certificate is made when the city's own is configured.
  expect(await createLocalStorage(path.join(dir, 'other')).exists(DEMO_CREDENTIALS_KEY)).toBe(false);

  await expect(signingCredentials(context({ SIGNING_P12_PATH: file, SIGNING_P12_PASSWORD: 'salah' }))).rejects.toThrow();
});
