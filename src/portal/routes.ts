import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { PluginOptions } from '../core/module.js';
import { requireRole } from '../core/auth/principal.js';
import { problems } from '../core/http/schemas.js';
import { DESK_ROLES, EDITOR_ROLES, rolesFor } from './access.js';
import { createItem, editItem, stepItem } from './items.js';
import { desk, listPublic, photo, publicItem, staffItem } from './reads.js';
import { buildFeed } from './feeds.js';
import { CreateSchema, DeskQuerySchema, DeskSchema, EditSchema, FeedQuerySchema, IdParams, ImageParams, KindParams, ListQuerySchema, PublicItemSchema, PublicListSchema, StaffItemSchema, STEP_ROUTES, StepSchema } from './api-schemas.js';
import { siteUrlOf } from '../core/http/site-url.js';
import type { StepAction } from './lifecycle.js';

const tags = ['portal'];

/** The portal's API: the public lists, pages and photos, and the editors' and checkers' desk. */
export async function portalRoutes(app: FastifyInstance, { ctx }: PluginOptions): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/portal/items',
    { schema: { tags, summary: 'Published items, newest first, of one kind or all; with q, Indonesian full-text search, best match first', security: [], querystring: ListQuerySchema, response: { 200: PublicListSchema, ...problems(400) } } },
    async (request) => listPublic(ctx, request.query),
  );

  r.get(
    '/portal/items/:kind/:slug',
    { schema: { tags, summary: 'A published item', security: [], params: KindParams, response: { 200: PublicItemSchema, ...problems(400, 404) } } },
    async (request) => publicItem(ctx, request.params.kind, request.params.slug),
  );

  r.get(
    '/portal/images/:id',
    { schema: { tags, summary: 'An item’s photo: for anyone once the item is published, for the desk before', security: [], params: ImageParams, response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...problems(400, 404) } } },
    async (request, reply) => {
      const file = await photo(ctx, request.principal, request.params.id);
      return reply.type(file.mime).header('Cache-Control', file.published ? 'public, max-age=3600' : 'private, no-store').send(file.data);
    },
  );

  r.get(
    '/portal/desk',
    { schema: { tags, summary: 'Editors, checkers and the auditor: the items in hand (every status but archived, unless asked), last changed first', querystring: DeskQuerySchema, response: { 200: DeskSchema, ...problems(400, 401, 403) } } },
    async (request) => {
      requireRole(request.principal, DESK_ROLES);
      return desk(ctx, request.query);
    },
  );

  r.post(
    '/portal/drafts',
    { schema: { tags, summary: 'Editors: a new draft of any kind, with its own fields (a disruption: services and since; a clarification: claim and verdict)', body: CreateSchema, response: { 201: StaffItemSchema, ...problems(400, 401, 403, 409, 422) } } },
    async (request, reply) => {
      const p = requireRole(request.principal, EDITOR_ROLES);
      const id = await ctx.db.transaction((tx) => createItem(tx, p, request.body, ctx.clock()));
      return reply.status(201).send(await staffItem(ctx, p, id));
    },
  );

  r.get(
    '/portal/drafts/:id',
    { schema: { tags, summary: 'The desk: an item in any status, with every version and its history', params: IdParams, response: { 200: StaffItemSchema, ...problems(400, 401, 403, 404) } } },
    async (request) => staffItem(ctx, requireRole(request.principal, DESK_ROLES), request.params.id),
  );

  r.patch(
    '/portal/drafts/:id',
    { schema: { tags, summary: 'Editors: edit a draft or checked item; a new version, and it must be checked again', params: IdParams, body: EditSchema, response: { 200: StaffItemSchema, ...problems(400, 401, 403, 404, 409, 422) } } },
    async (request) => {
      const p = requireRole(request.principal, EDITOR_ROLES);
      await ctx.db.transaction((tx) => editItem(tx, p, request.params.id, request.body, ctx.clock()));
      return staffItem(ctx, p, request.params.id);
    },
  );

  for (const [action, summary] of Object.entries(STEP_ROUTES) as [StepAction, string][]) {
    const roles = rolesFor(action);
    r.post(
      `/portal/drafts/:id/${action}`,
      { schema: { tags, summary, params: IdParams, body: StepSchema, response: { 200: StaffItemSchema, ...problems(400, 401, 403, 404, 409, 422) } } },
      async (request) => {
        const p = requireRole(request.principal, roles);
        await ctx.db.transaction((tx) => stepItem(ctx, tx, p, request.params.id, action, request.body));
        return staffItem(ctx, p, request.params.id);
      },
    );
  }
}

/** RSS 2.0 and Atom, outside /api: the addresses feed readers are given. */
export async function feedRoutes(app: FastifyInstance, { ctx }: PluginOptions): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const formats = { 'rss.xml': ['application/rss+xml', (f) => f.rss2()], 'atom.xml': ['application/atom+xml', (f) => f.atom1()] } as const satisfies Record<string, [string, (f: Awaited<ReturnType<typeof buildFeed>>) => string]>;
  for (const [file, [type, render]] of Object.entries(formats)) {
    r.get(
      `/portal/${file}`,
      { schema: { tags, summary: `The ${type === 'application/rss+xml' ? 'RSS 2.0' : 'Atom'} feed of the latest 50 published items, of one kind or all`, security: [], querystring: FeedQuerySchema, response: { 200: Type.String(), ...problems(400) } } },
      async (request, reply) => {
        const feed = await buildFeed(ctx, siteUrlOf(ctx, request), request.query.kind);
        return reply.type(`${type}; charset=utf-8`).header('Cache-Control', 'public, max-age=300').send(render(feed));
      },
    );
  }
}
