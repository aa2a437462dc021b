import { Type } from 'typebox';
import { Nullable } from '../http/schemas.js';

export const CodeParams = Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9_-]{16}$', description: 'The code in the QR link' }) });
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const VerificationSchema = Type.Object({
  code: Type.String(),
  documentNumber: Type.String(),
  title: Type.String(),
  issuer: Type.Object({ code: Type.String(), name: Type.String() }),
  holder: Type.String({ description: 'Masked, e.g. "Bu*** Sa***"' }),
  issuedAt: Type.String({ format: 'date-time' }),
  validUntil: Nullable(Type.String({ format: 'date-time' })),
  status: Type.Union([Type.Literal('valid'), Type.Literal('expired'), Type.Literal('revoked')]),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
  sha256: Type.String({ description: 'Hex SHA-256 of the signed PDF as issued' }),
  signer: Type.String({ description: "The signing certificate's subject" }),
});

export const CopyCheckSchema = Type.Object({
  verdict: Type.Union([Type.Literal('authentic'), Type.Literal('altered'), Type.Literal('different'), Type.Literal('unsigned')], {
    description: 'authentic: the issued file byte for byte; altered: changed after signing; different: another document; unsigned: no signature',
  }),
  sha256: Type.String({ description: "The uploaded file's SHA-256" }),
  signature: Type.Object({ present: Type.Boolean(), intact: Type.Boolean(), coversWholeFile: Type.Boolean(), sameSigner: Type.Boolean() }),
  document: VerificationSchema,
});

export const RevokeBodySchema = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) });
