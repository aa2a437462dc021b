import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { PluginOptions } from '../core/module.js';
import { requireRole } from '../core/auth/principal.js';
import { AppError } from '../core/errors.js';
import { idempotent } from '../core/idempotency/idempotency.js';
import { problems } from '../core/http/schemas.js';
import { sendAttachment } from '../core/http/download.js';
import { AUTHOR_ROLES, DESK_ROLES, rolesFor } from './access.js';
import { createDataset, editDataset } from './datasets.js';
import { MAX_CSV_BYTES, mapUploadError, stepVersion, submitVersion } from './versions.js';
import { datasetDetail, desk, resourceFile, searchCatalogue, versionDetail } from './reads.js';
import { CreateSchema, DatasetDetailSchema, DatasetParams, DeskSchema, EditSchema, ResourceParams, SearchQuerySchema, SearchResultSchema, STEP_ROUTES, StepSchema, VersionDetailSchema, VersionParams } from './api-schemas.js';
import type { VersionAction } from './lifecycle.js';

const tags = ['satudata'];
const IdempotencyHeader = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) });
const noFile = () => new AppError(400, 'upload_missing', { id: 'Pilih berkas tabel (CSV atau XLSX) untuk diunggah.', en: 'Choose a table file (CSV or XLSX) to upload.' }, { field: 'file' });

/** Satu Data's own API: the public catalogue and files, and the producers' and steward's desks. */
export async function satudataRoutes(app: FastifyInstance, { ctx }: PluginOptions): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/data/datasets',
    {
      schema: {
        tags,
        summary: 'Published datasets: Indonesian full-text search, filters by topic, OPD, year and format, with the count of each facet value over the matches',
        security: [],
        querystring: SearchQuerySchema,
        response: { 200: SearchResultSchema, ...problems(400) },
      },
    },
    async (request) => searchCatalogue(ctx, { ...request.query, limit: request.query.limit ?? 20, offset: request.query.offset ?? 0 }),
  );

  r.get(
    '/data/datasets/:name',
    {
      schema: {
        tags,
        summary: 'A dataset: metadata, variables, the published table’s preview and main series, every published version and its files; for its producer OPD and the steward also the versions not published and the history',
        security: [],
        params: DatasetParams,
        response: { 200: DatasetDetailSchema, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      if (request.principal) reply.header('Cache-Control', 'private, no-store');
      return datasetDetail(ctx, request.principal, request.params.name);
    },
  );

  r.get(
    '/data/datasets/:name/versions/:number',
    {
      schema: {
        tags,
        summary: 'One version: its variables, the table’s summary (rows, totals, years, regions, preview, series) and the diff against the previous published version; unpublished ones for the producer OPD and the steward only',
        security: [],
        params: VersionParams,
        response: { 200: VersionDetailSchema, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      if (request.principal) reply.header('Cache-Control', 'private, no-store');
      return versionDetail(ctx, request.principal, request.params.name, request.params.number);
    },
  );

  r.get(
    '/data/resources/:id/download',
    {
      schema: {
        tags,
        summary: 'A version’s file (CSV or XLSX): for anyone once published, for the producer OPD and the steward before',
        security: [],
        params: ResourceParams,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const file = await resourceFile(ctx, request.principal, request.params.id);
      // A published file never changes: caches may keep it.
      return sendAttachment(reply, file, file.published ? 'public, max-age=86400, immutable' : 'private, no-store');
    },
  );

  r.get(
    '/data/desk',
    {
      schema: { tags, summary: 'Desks: versions waiting for the steward and the datasets in the caller’s scope (a producer’s own OPD, every OPD for the steward)', response: { 200: DeskSchema, ...problems(401, 403) } },
    },
    async (request) => desk(ctx, requireRole(request.principal, DESK_ROLES)),
  );

  r.post(
    '/data/datasets',
    {
      schema: {
        tags,
        summary: 'Producers (the OPD’s staff) and the steward: a new dataset — its metadata and variables; its table comes as versions',
        body: CreateSchema,
        response: { 201: DatasetDetailSchema, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const p = requireRole(request.principal, AUTHOR_ROLES);
      const name = await ctx.db.transaction((tx) => createDataset(ctx, tx, p, request.body));
      return reply.status(201).send(await datasetDetail(ctx, p, name));
    },
  );

  r.patch(
    '/data/datasets/:name',
    {
      schema: { tags, summary: 'Producers and the steward: change the dataset’s metadata (each version keeps the variables it was checked against)', params: DatasetParams, body: EditSchema, response: { 200: DatasetDetailSchema, ...problems(400, 401, 403, 404, 409, 422) } },
    },
    async (request) => {
      const p = requireRole(request.principal, AUTHOR_ROLES);
      await ctx.db.transaction((tx) => editDataset(ctx, tx, p, request.params.name, request.body));
      return datasetDetail(ctx, p, request.params.name);
    },
  );

  r.post(
    '/data/datasets/:name/versions',
    {
      schema: {
        tags,
        summary:
          'Producers: submit a new version (multipart: field "note" first — what is new or corrected — then "file", a CSV or XLSX table whose header names the variables). Every cell is checked as it streams in; a wrong one is refused with 422 naming its row and column, and nothing is kept',
        consumes: ['multipart/form-data'],
        params: DatasetParams,
        response: { 201: VersionDetailSchema, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const p = requireRole(request.principal, AUTHOR_ROLES);
      if (!request.isMultipart()) throw noFile();
      const part = await request.file({ limits: { fileSize: MAX_CSV_BYTES, files: 1, fields: 2 } }).catch((err: unknown) => {
        throw mapUploadError(err);
      });
      if (!part) throw noFile();
      const note = part.fields.note;
      const value = note && !Array.isArray(note) && note.type === 'field' ? String(note.value) : undefined;
      const number = await submitVersion(ctx, p, request.params.name, value, { stream: part.file, filename: part.filename });
      return reply.status(201).send(await versionDetail(ctx, p, request.params.name, number));
    },
  );

  for (const [action, def] of Object.entries(STEP_ROUTES) as [VersionAction, (typeof STEP_ROUTES)[VersionAction]][]) {
    const roles = rolesFor(action);
    r.post(
      `/data/datasets/:name/versions/:number/${def.path}`,
      {
        schema: { tags, summary: def.summary, params: VersionParams, headers: IdempotencyHeader, body: StepSchema, response: { 200: VersionDetailSchema, ...problems(400, 401, 403, 404, 409, 422) } },
      },
      async (request) => {
        const p = requireRole(request.principal, roles);
        const { name, number } = request.params;
        await idempotent(ctx.db, `user:${p.userId}`, request.headers['idempotency-key'], { name, number, action, body: request.body }, async (tx) => {
          await stepVersion(ctx, tx, p, name, number, action, request.body);
          return { status: 200, body: {} };
        });
        return versionDetail(ctx, p, name, number);
      },
    );
  }
}
