/**
 * Who signs. `PdfSigner` is the seam: the local signer below signs with the city's own key (or the
 * demo certificate); the national signing service (BSrE, Balai Sertifikasi Elektronik) is the
 * production target behind the same interface — it, too, takes the whole PDF and returns it signed.
 * Everything after signing (the registry, verification) reads the signature from the file itself and
 * so does not depend on which signer made it.
 */
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SigningCredentials } from './credentials.js';
import { cryptoEngine } from './verify.js';

export interface SigningMeta {
  reason: string;
  location: string;
  contactInfo: string;
  signingTime: Date;
}

export interface PdfSigner {
  /** The signed PDF: PAdES, a CAdES detached CMS under /SubFilter /ETSI.CAdES.detached covering the whole file. */
  sign(pdf: Uint8Array, meta: SigningMeta): Promise<Buffer>;
}

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};

/**
 * The CMS for a PDF's byte ranges, as PAdES baseline B asks: content type, message digest and the
 * ESS signing-certificate-v2 attribute binding the signer's certificate (by its SHA-256, the default
 * hash, so the algorithm is left out); no signing-time attribute — the time is the dictionary's /M.
 */
class CadesSigner extends Signer {
  constructor(private readonly cred: SigningCredentials) {
    super();
  }

  override async sign(content: Buffer): Promise<Buffer> {
    const { certificate, chain, privateKey } = this.cred;
    const certHash = createHash('sha256').update(Buffer.from(certificate.toSchema().toBER(false))).digest();
    const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: certHash })] });
    const signingCertificateV2 = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
    const signedData = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
      certificates: [certificate, ...chain],
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({
            type: 0,
            attributes: [
              new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
              new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: createHash('sha256').update(content).digest() })] }),
              new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2] }),
            ],
          }),
        }),
      ],
    });
    await signedData.sign(privateKey, 0, 'SHA-256', undefined, cryptoEngine);
    const cms = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
    return Buffer.from(cms.toSchema().toBER(false));
  }
}

/** Room for the CMS in the placeholder: the certificates travel inside it, plus the signature and attributes. */
const placeholderBytes = (cred: SigningCredentials) =>
  [cred.certificate, ...cred.chain].reduce((n, c) => n + c.toSchema().toBER(false).byteLength, 0) + 4096;

export function localSigner(cred: SigningCredentials): PdfSigner {
  const cades = new CadesSigner(cred);
  const signatureLength = Math.max(8192, placeholderBytes(cred));
  return {
    async sign(pdf, meta) {
      const doc = await PDFDocument.load(pdf, { updateMetadata: false });
      pdflibAddPlaceholder({
        pdfDoc: doc,
        reason: meta.reason,
        contactInfo: meta.contactInfo,
        name: cred.signerName,
        location: meta.location,
        signingTime: meta.signingTime,
        signatureLength,
        subFilter: SUBFILTER_ETSI_CADES_DETACHED,
        // Invisible: the stamped QR code and its line are the visible mark.
        widgetRect: [0, 0, 0, 0],
        appName: 'Khidmat',
      });
      // Object streams would hide the placeholder from the byte-level signing step.
      const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
      return new SignPdf().sign(prepared, cades, meta.signingTime);
    },
  };
}
