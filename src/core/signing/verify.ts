/**
 * Reads the signature of an uploaded PDF without trusting it: the last /ByteRange, the CMS in the
 * gap it leaves, and pkijs checks the CMS's message digest against those bytes and the signature
 * over its signed attributes. A signature that is intact but leaves bytes after it uncovered means
 * something was appended (an incremental update): the copy is not what was signed. The file is
 * never parsed as a PDF and never rendered: only byte offsets and the DER inside the gap are read.
 */
import { createHash, webcrypto } from 'node:crypto';
import { findByteRange } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export interface SignatureCheck {
  /** A CMS signature was found in a well-formed byte range. */
  signed: boolean;
  /** Its message digest matches the bytes it covers and the signature over its attributes verifies. */
  intact: boolean;
  /** It covers every byte of the file but its own gap. */
  coversWholeFile: boolean;
  /** Hex SHA-256 of the signer's certificate (DER), and its subject. */
  signerCertSha256: string | null;
  signerSubject: string | null;
}

const UNSIGNED: SignatureCheck = { signed: false, intact: false, coversWholeFile: false, signerCertSha256: null, signerSubject: null };
/** Far above any CMS with a certificate chain and a timestamp; a larger gap is not a signature of ours. */
const MAX_CMS_BYTES = 64 * 1024;
/** Node's WebCrypto for pkijs, named once rather than looked up on the global object. */
export const cryptoEngine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'] });

const SUBJECT_NAMES: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.6': 'C', '2.5.4.7': 'L' };
export const subjectOf = (cert: pkijs.Certificate): string =>
  cert.subject.typesAndValues.map((tv) => `${SUBJECT_NAMES[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value)}`).join(', ');

/** The last signature's byte range: [0, gapStart, gapEnd, tailLength], as plain offsets checked against the file. */
function lastByteRange(pdf: Buffer): [number, number, number, number] | null {
  let ranges: string[][];
  try {
    // Its typings call the list `byteRange`; the code returns it as `byteRanges`.
    ranges = (findByteRange(pdf) as unknown as { byteRanges: string[][] }).byteRanges;
  } catch {
    return null;
  }
  const last = ranges.at(-1)?.map((n) => (/^\d{1,10}$/.test(n) ? Number(n) : NaN));
  if (!last || last.length !== 4 || last.some(Number.isNaN)) return null;
  const [a, b, c, d] = last as [number, number, number, number];
  if (a !== 0 || b <= 0 || c <= b || c - b > 2 * MAX_CMS_BYTES + 2 || c + d > pdf.length) return null;
  return [a, b, c, d];
}

export async function checkSignature(pdf: Buffer): Promise<SignatureCheck> {
  const range = lastByteRange(pdf);
  if (!range) return UNSIGNED;
  const [, gapStart, gapEnd, tail] = range;
  const hex = /^<([0-9A-Fa-f]*)>$/.exec(pdf.toString('latin1', gapStart, gapEnd))?.[1];
  if (!hex || hex.length % 2) return UNSIGNED;
  // The gap is padded with zeros after the DER: fromBER reads the first element and stops.
  const der = Buffer.from(hex, 'hex');
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1) return UNSIGNED;
  let signedData: pkijs.SignedData;
  try {
    const info = new pkijs.ContentInfo({ schema: parsed.result });
    if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA) return UNSIGNED;
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch {
    return UNSIGNED;
  }
  const covered = Buffer.concat([pdf.subarray(0, gapStart), pdf.subarray(gapEnd, gapEnd + tail)]);
  const coversWholeFile = gapEnd + tail === pdf.length;
  let intact = false;
  let signer: pkijs.Certificate | null = null;
  try {
    const result = await signedData.verify({ signer: 0, data: new Uint8Array(covered).buffer, checkChain: false, extendedMode: true }, cryptoEngine);
    intact = result.signatureVerified === true;
    signer = result.signerCertificate ?? null;
  } catch (err) {
    // A digest that does not match the bytes ends here: the copy was changed after signing.
    signer = (err as pkijs.SignedDataVerifyError).signerCertificate ?? null;
  }
  return {
    signed: true,
    intact,
    coversWholeFile,
    signerCertSha256: signer ? certificateSha256(signer) : null,
    signerSubject: signer ? subjectOf(signer) : null,
  };
}

export const certificateSha256 = (cert: pkijs.Certificate): string => createHash('sha256').update(Buffer.from(cert.toSchema().toBER(false))).digest('hex');
