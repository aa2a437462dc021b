import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { PluginOptions } from '../module.js';
import { requireRole } from '../auth/principal.js';
import { problems } from '../http/schemas.js';
import { perAccountPerMinute } from '../http/rate-limit.js';
import { onlyFile } from '../files/multipart.js';
import { CodeParams, CopyCheckSchema, IdParams, RevokeBodySchema, VerificationSchema } from './api-schemas.js';
import { SIGNING_ACCESS } from './access.js';
import { checkCopy, revokeSignedDocument, verificationOf } from './service.js';

const tags = ['signed documents'];
const REVOKERS = SIGNING_ACCESS['POST /api/v1/signed-documents/:id/revoke'] as readonly ['super_admin', 'opd_admin'];

/** The public verification of signed documents (the QR code's page) and their revocation. */
export async function signingRoutes(app: FastifyInstance, { ctx }: PluginOptions): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/verifications/:code',
    {
      config: perAccountPerMinute(120),
      schema: {
        tags,
        summary: 'A signed document as the registry knows it: number, issuer, dates, the holder masked, valid/expired/revoked, the hash of the signed PDF',
        security: [],
        params: CodeParams,
        response: { 200: VerificationSchema, ...problems(400, 404, 429) },
      },
    },
    async (request, reply) => reply.header('Cache-Control', 'no-store').send(await verificationOf(ctx, request.params.code)),
  );

  r.post(
    '/verifications/:code/check',
    {
      config: perAccountPerMinute(20),
      schema: {
        tags,
        summary: 'Upload a copy (multipart field "file", a PDF, max 10 MB): compares its SHA-256 with the issued file and verifies its embedded signature, so a changed copy is detected',
        security: [],
        consumes: ['multipart/form-data'],
        params: CodeParams,
        response: { 200: CopyCheckSchema, ...problems(400, 404, 413, 415, 429) },
      },
    },
    async (request) => {
      const { raw } = await onlyFile(request, 'file');
      return checkCopy(ctx, request.params.code, raw);
    },
  );

  r.post(
    '/signed-documents/:id/revoke',
    {
      schema: {
        tags,
        summary: "Revoke a signed document (the issuing OPD's admin, or the super admin): its verification page then shows it as revoked",
        params: IdParams,
        body: RevokeBodySchema,
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const p = requireRole(request.principal, REVOKERS);
      await revokeSignedDocument(ctx, request.params.id, request.body.reason, p);
      return reply.status(204).send(null);
    },
  );
}
