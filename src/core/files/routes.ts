import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { requireUser } from '../auth/principal.js';
import { forbidden, notFound } from '../errors.js';
import { problems } from '../http/schemas.js';
import { perAccountPerMinute } from '../http/rate-limit.js';
import { processImage } from './image.js';
import { storeScan } from './store-document.js';
import { MAX_UPLOAD_BYTES } from './limits.js';
import { onlyFile } from './multipart.js';
import { newFileKey } from './storage.js';
import { uploads } from './schema.js';

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

const UploadSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  mime: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  bytes: Type.Integer(),
});

const DocumentSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  mime: Type.String(),
  name: Type.String(),
  bytes: Type.Integer(),
  pages: Type.Union([Type.Integer(), Type.Null()]),
});

export async function uploadRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.post(
    '/uploads',
    {
      config: perAccountPerMinute(60),
      schema: {
        tags: ['files'],
        summary: 'Upload one photo (multipart field "photo"; JPEG, PNG or WebP). It is checked by content, re-encoded and stripped of EXIF; reference its id from a report.',
        consumes: ['multipart/form-data'],
        response: { 201: UploadSchema, ...problems(400, 401, 413, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      const p = requireUser(request.principal);
      const { raw } = await onlyFile(request, 'photo');
      const image = await processImage(raw, { maxBytes: MAX_UPLOAD_BYTES });
      const fileKey = newFileKey('uploads', EXT[image.mime] ?? 'bin');
      await ctx.storage.put(fileKey, image.data, image.mime);
      const [row] = await ctx.db
        .insert(uploads)
        .values({ ownerId: p.userId, fileKey, mime: image.mime, width: image.width, height: image.height, bytes: image.bytes, createdAt: ctx.clock() })
        .returning();
      return reply.status(201).send({ id: row!.id, mime: row!.mime, width: row!.width, height: row!.height, bytes: row!.bytes });
    },
  );

  r.post(
    '/uploads/documents',
    {
      config: perAccountPerMinute(30),
      schema: {
        tags: ['files'],
        summary: 'Staff: upload one document (multipart field "file"; PDF, XLSX or CSV, or a JPEG/PNG/WebP photo of a paper, kept as a one-page PDF; max 10 MB). Checked by content; a PDF is rewritten and refused with scripts or embedded files, a workbook with macros.',
        consumes: ['multipart/form-data'],
        response: { 201: DocumentSchema, ...problems(400, 401, 403, 413, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      const p = requireUser(request.principal);
      if (p.role === 'citizen') throw forbidden();
      const { raw, filename } = await onlyFile(request, 'file');
      const row = await storeScan(ctx, ctx.db, p.userId, raw, filename);
      return reply.status(201).send({ id: row.id, mime: row.mime, name: row.name, bytes: row.bytes, pages: row.pages });
    },
  );

  r.get(
    '/uploads/:id',
    {
      schema: {
        tags: ['files'],
        summary: 'My own upload, before it is attached (preview)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...problems(401, 404) },
      },
    },
    async (request, reply) => {
      const p = requireUser(request.principal);
      const [row] = await ctx.db.select().from(uploads).where(and(eq(uploads.id, request.params.id), eq(uploads.ownerId, p.userId)));
      if (!row) throw notFound({ id: 'Berkas', en: 'File' });
      return reply.type(row.mime).header('Cache-Control', 'private, max-age=3600').send(await ctx.storage.get(row.fileKey));
    },
  );
}
