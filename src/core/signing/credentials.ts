/**
 * The key and certificate the local signer signs with: the city's PKCS#12 file (SIGNING_P12_PATH,
 * SIGNING_P12_PASSWORD), or else a self-signed demo certificate made on the first start and kept in
 * the file storage (its private key encrypted under the platform's master key), so that every later
 * start — and every instance — signs with the same one.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, webcrypto } from 'node:crypto';
import fs from 'node:fs/promises';
import forge from 'node-forge';
import * as pkijs from 'pkijs';
import type { AppContext } from '../context.js';

export interface SigningCredentials {
  privateKey: webcrypto.CryptoKey;
  certificate: pkijs.Certificate;
  /** Issuers up to the root, when the file carries them (sent along inside each signature). */
  chain: pkijs.Certificate[];
  /** The certificate's common name, as PDF readers show the signer. */
  signerName: string;
}

/** Where the demo certificate lives in the file storage. */
export const DEMO_CREDENTIALS_KEY = 'signing/demo-signer.json';

interface StoredDemo {
  certificatePem: string;
  /** PKCS#8 PEM, encrypted by the field cipher. */
  privateKey: string;
}

/** Reads them anew each call: the service keeps the signer made from them (a PKCS#12 key derivation costs more than a signature). */
export function signingCredentials(ctx: AppContext): Promise<SigningCredentials> {
  const { p12Path, p12Password } = ctx.config.signing;
  return p12Path ? fs.readFile(p12Path).then((file) => fromP12(file, p12Password)) : demoCredentials(ctx);
}

/** An RSA key and its certificate (with any issuers) from a PKCS#12 file, as CAs and BSrE hand them out. */
export async function fromP12(file: Buffer, password: string): Promise<SigningCredentials> {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(file.toString('binary'))), false, password);
  const keyBags = [...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []), ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? [])];
  const key = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new Error('SIGNING_P12_PATH: the PKCS#12 file holds no RSA private key');
  const certs = (p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? []).flatMap((b) => (b.cert ? [b.cert] : []));
  const own = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n.equals(key.n) && pub.e.equals(key.e);
  });
  if (!own) throw new Error('SIGNING_P12_PATH: no certificate in the PKCS#12 file matches its private key');
  const toPkijs = (c: forge.pki.Certificate) => pkijs.Certificate.fromBER(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), 'binary'));
  return credentials(forge.pki.privateKeyToPem(key), toPkijs(own), certs.filter((c) => c !== own).map(toPkijs));
}

async function credentials(privateKeyPem: string, certificate: pkijs.Certificate, chain: pkijs.Certificate[]): Promise<SigningCredentials> {
  const pkcs8 = createPrivateKey(privateKeyPem).export({ type: 'pkcs8', format: 'der' });
  const privateKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  const cn = certificate.subject.typesAndValues.find((tv) => tv.type === '2.5.4.3')?.value.valueBlock.value;
  return { privateKey, certificate, chain, signerName: typeof cn === 'string' ? cn : 'Khidmat' };
}

async function demoCredentials(ctx: AppContext): Promise<SigningCredentials> {
  if (!(await ctx.storage.exists(DEMO_CREDENTIALS_KEY))) {
    const made = makeDemoCertificate(ctx.config.city.name, ctx.clock());
    await ctx.storage.put(DEMO_CREDENTIALS_KEY, Buffer.from(JSON.stringify({ certificatePem: made.certificatePem, privateKey: ctx.cipher.encrypt(made.privateKeyPem) } satisfies StoredDemo)), 'application/json');
  }
  // Read back what is stored: when two instances start at once, the last write wins for both.
  const stored = JSON.parse((await ctx.storage.get(DEMO_CREDENTIALS_KEY)).toString('utf8')) as StoredDemo;
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(forge.pki.certificateFromPem(stored.certificatePem))).getBytes();
  let privateKeyPem: string;
  try {
    privateKeyPem = ctx.cipher.decrypt(stored.privateKey);
  } catch (cause) {
    throw new Error(`signing: ${DEMO_CREDENTIALS_KEY} was made under another KHIDMAT_SECRET_KEY; remove it to make a new demo certificate, or set SIGNING_P12_PATH`, { cause });
  }
  return credentials(privateKeyPem, pkijs.Certificate.fromBER(Buffer.from(der, 'binary')), []);
}

/** A self-signed RSA-2048 certificate for document signing, valid five years: for the demo only. */
export function makeDemoCertificate(city: string, now: Date): { certificatePem: string; privateKeyPem: string } {
  // The key pair comes from Node's native crypto (fast); forge builds and signs the certificate.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // A positive serial: the leading byte stays below 0x80.
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + 5 * 365 * 86_400_000);
  const name = [
    { shortName: 'CN', value: `Penanda Tangan Dokumen DEMO ${city}` },
    { shortName: 'O', value: `Pemerintah ${city} (sertifikat demo, tidak sah)` },
    { shortName: 'C', value: 'ID' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  cert.sign(forge.pki.privateKeyFromPem(privateKeyPem), forge.md.sha256.create());
  return { certificatePem: forge.pki.certificateToPem(cert), privateKeyPem };
}
