import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { PluginOptions } from '../../core/module.js';
import { requireRole } from '../../core/auth/principal.js';
import { idempotent } from '../../core/idempotency/idempotency.js';
import { problems } from '../../core/http/schemas.js';
import { sendAttachment } from '../../core/http/download.js';
import { AUTHOR_ROLES, DESK_ROLES, rolesFor } from './access.js';
import { createItem, editItem, step } from './actions.js';
import { catalogueDocument, deskList, itemDetail, publicCatalogue } from './reads.js';
import { CatalogueQuerySchema, CreateSchema, DeskQuerySchema, DetailSchema, DocumentParams, EditSchema, ItemParams, ListSchema, STEP_ROUTES, StepSchema } from './api-schemas.js';
import type { CatalogueAction } from './lifecycle.js';

const tags = ['ppid'];
const IdempotencyHeader = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) });

/** The Daftar Informasi Publik: the public catalogue and search, downloads, and the publication workflow. */
export async function catalogueRoutes(app: FastifyInstance, { ctx }: PluginOptions): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/ppid/catalogue',
    {
      schema: {
        tags,
        summary: 'The Daftar Informasi Publik: published items of every OPD (exempt ones with their reason, never their files); Indonesian full-text search, best match first',
        security: [],
        querystring: CatalogueQuerySchema,
        response: { 200: ListSchema, ...problems(400, 422) },
      },
    },
    async (request) => publicCatalogue(ctx, { ...request.query, limit: request.query.limit ?? 20, offset: request.query.offset ?? 0 }),
  );

  r.get(
    '/ppid/catalogue/desk',
    {
      schema: {
        tags,
        summary: 'Catalogue desks: the items of the caller’s scope in every status, those waiting in the chain longest first',
        querystring: DeskQuerySchema,
        response: { 200: ListSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (request) => deskList(ctx, requireRole(request.principal, DESK_ROLES), { status: request.query.status, limit: request.query.limit ?? 20, offset: request.query.offset ?? 0 }),
  );

  r.get(
    '/ppid/catalogue/:id',
    {
      schema: {
        tags,
        summary: 'A catalogue item: published ones for anyone; before publication for the staff in scope, with its history and the caller’s next steps',
        security: [],
        params: ItemParams,
        response: { 200: DetailSchema, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      if (request.principal) reply.header('Cache-Control', 'private, no-store');
      return itemDetail(ctx, request.principal, request.params.id);
    },
  );

  r.get(
    '/ppid/catalogue/:id/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'A catalogue item’s file: for anyone once published (an exempt item has none), for the staff in scope before',
        security: [],
        params: DocumentParams,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      return sendAttachment(reply, await catalogueDocument(ctx, request.principal, request.params.id, request.params.documentId));
    },
  );

  r.post(
    '/ppid/catalogue',
    {
      schema: {
        tags,
        summary: 'Authors (the OPD’s staff, its PPID Pelaksana, the PPID Utama): a new draft item with its files; an exempt one needs its Pasal 17 letter, legal basis and consequence test',
        headers: IdempotencyHeader,
        body: CreateSchema,
        response: { 201: DetailSchema, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const p = requireRole(request.principal, AUTHOR_ROLES);
      const { body } = await idempotent(ctx.db, `user:${p.userId}`, request.headers['idempotency-key'], request.body, async (tx) => ({ status: 201, body: { id: await createItem(ctx, tx, p, request.body) } }));
      return reply.status(201).send(await itemDetail(ctx, p, body.id));
    },
  );

  r.patch(
    '/ppid/catalogue/:id',
    {
      schema: {
        tags,
        summary: 'Authors: change a draft (a published item is replaced by a new one, never edited)',
        params: ItemParams,
        body: EditSchema,
        response: { 200: DetailSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const p = requireRole(request.principal, AUTHOR_ROLES);
      await ctx.db.transaction((tx) => editItem(ctx, tx, p, request.params.id, request.body));
      return itemDetail(ctx, p, request.params.id);
    },
  );

  for (const [action, def] of Object.entries(STEP_ROUTES) as [CatalogueAction, (typeof STEP_ROUTES)[CatalogueAction]][]) {
    const roles = rolesFor(action);
    r.post(
      `/ppid/catalogue/:id/${def.path}`,
      {
        schema: { tags, summary: def.summary, params: ItemParams, headers: IdempotencyHeader, body: StepSchema, response: { 200: DetailSchema, ...problems(400, 401, 403, 404, 409, 422) } },
      },
      async (request) => {
        const p = requireRole(request.principal, roles);
        const { id } = request.params;
        await idempotent(ctx.db, `user:${p.userId}`, request.headers['idempotency-key'], { id, action, body: request.body }, async (tx) => {
          await step(ctx, tx, p, id, action, request.body);
          return { status: 200, body: {} };
        });
        return itemDetail(ctx, p, id);
      },
    );
  }
}
