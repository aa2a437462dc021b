/** As GET /api/v1/verifications/:code answers. */
export interface Verification {
  code: string;
  documentNumber: string;
  title: string;
  issuer: { code: string; name: string };
  holder: string;
  issuedAt: string;
  validUntil: string | null;
  status: 'valid' | 'expired' | 'revoked';
  revokedAt: string | null;
  sha256: string;
  signer: string;
}

/** As POST /api/v1/verifications/:code/check answers. */
export interface CopyCheck {
  verdict: 'authentic' | 'altered' | 'different' | 'unsigned';
  sha256: string;
  signature: { present: boolean; intact: boolean; coversWholeFile: boolean; sameSigner: boolean };
  document: Verification;
}
