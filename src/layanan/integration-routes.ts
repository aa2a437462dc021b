import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { PluginOptions } from '../core/module.js';
import { requireRole } from '../core/auth/principal.js';
import { problems } from '../core/http/schemas.js';
import { onlyFile } from '../core/files/multipart.js';
import {
  ACTION_ROUTES,
  ApiKeyInputSchema,
  ApiKeyIssuedSchema,
  ApiKeyListSchema,
  ApiKeyParams,
  ApplicationDetailSchema,
  ApplicationFactsSchema,
  ChangedListSchema,
  ChangedQuerySchema,
  NumberParams,
  ServiceCodeParams,
  WebhookInputSchema,
  WebhookLogSchema,
} from './api-schemas.js';
import { removeWebhook, setWebhook, webhookLog } from './webhooks.js';
import { issueOpdKey, keyPrincipal, listOpdKeys, revokeOpdKey } from './api-keys.js';
import { KEY_ACTIONS, changedForKey, issueForKey, stepForKey } from './integration.js';
import { applicationDetail } from './reads.js';
import type { ActionInput } from './actions.js';

const tags = ['layanan'];
const ADMIN = ['opd_admin'] as const;
const LOG_SIZE = 50;
const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) });
const KeyHeaders = Type.Object({ authorization: Type.Optional(Type.String({ maxLength: 200 })), ...IdempotencyHeaders.properties });
const keyed = 'Integration: the OPD system’s own key in `Authorization: Bearer <key>`;';

/** Integration with OPD systems: a service's webhook and its log, the OPD's API keys, and the incoming API the keys open. */
export async function integrationRoutes(app: FastifyInstance, { ctx }: PluginOptions): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const caller = (request: FastifyRequest) => keyPrincipal(ctx, request.headers.authorization, request.principal);

  /* Webhooks (the service's own OPD admin) */

  r.get(
    '/layanan/services/:code/webhook',
    { schema: { tags, summary: 'OPD admin: the service’s webhook and its delivery log (status code, tries, last error, next try)', params: ServiceCodeParams, response: { 200: WebhookLogSchema, ...problems(401, 403, 404) } } },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return webhookLog(ctx, requireRole(request.principal, ADMIN), request.params.code, LOG_SIZE);
    },
  );

  r.put(
    '/layanan/services/:code/webhook',
    {
      schema: {
        tags,
        summary: 'OPD admin: where the service’s application events are posted, and the secret they are signed with (HMAC-SHA256 over `<timestamp>.<body>`)',
        params: ServiceCodeParams,
        body: WebhookInputSchema,
        response: { 200: WebhookLogSchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const p = requireRole(request.principal, ADMIN);
      await setWebhook(ctx, p, request.params.code, request.body);
      return webhookLog(ctx, p, request.params.code, LOG_SIZE);
    },
  );

  r.delete(
    '/layanan/services/:code/webhook',
    { schema: { tags, summary: 'OPD admin: stop the service’s webhook (the log stays)', params: ServiceCodeParams, response: { 204: Type.Null(), ...problems(401, 403, 404) } } },
    async (request, reply) => {
      await removeWebhook(ctx, requireRole(request.principal, ADMIN), request.params.code);
      return reply.status(204).send(null);
    },
  );

  /* The OPD's API keys */

  r.get(
    '/layanan/opd-keys',
    { schema: { tags, summary: 'OPD admin: their OPD’s keys for the incoming API (never the keys themselves)', response: { 200: ApiKeyListSchema, ...problems(401, 403, 404) } } },
    async (request) => listOpdKeys(ctx, requireRole(request.principal, ADMIN)),
  );

  r.post(
    '/layanan/opd-keys',
    { schema: { tags, summary: 'OPD admin: issue a key for their OPD’s own system; the key is shown this once', body: ApiKeyInputSchema, response: { 201: ApiKeyIssuedSchema, ...problems(400, 401, 403, 404) } } },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return reply.status(201).send(await issueOpdKey(ctx, requireRole(request.principal, ADMIN), request.body.name));
    },
  );

  r.delete(
    '/layanan/opd-keys/:id',
    { schema: { tags, summary: 'OPD admin: revoke one of their OPD’s keys', params: ApiKeyParams, response: { 204: Type.Null(), ...problems(401, 403, 404) } } },
    async (request, reply) => {
      await revokeOpdKey(ctx, requireRole(request.principal, ADMIN), request.params.id);
      return reply.status(204).send(null);
    },
  );

  /* The incoming API (an OPD's key) */

  r.get(
    '/layanan/integration/applications',
    { schema: { tags, summary: `${keyed} its services’ filed applications changed since a moment, oldest change first`, headers: KeyHeaders, querystring: ChangedQuerySchema, response: { 200: ChangedListSchema, ...problems(400, 401, 403) } } },
    async (request) => {
      const p = await caller(request);
      return changedForKey(ctx, p, request.query.since ? new Date(request.query.since) : undefined, request.query.limit ?? 50);
    },
  );

  r.get(
    '/layanan/integration/applications/:number',
    { schema: { tags, summary: `${keyed} one of its applications as its desk reads it (each read audited)`, headers: KeyHeaders, params: NumberParams, response: { 200: ApplicationDetailSchema, ...problems(401, 403, 404) } } },
    async (request, reply) => {
      const p = await caller(request);
      reply.header('Cache-Control', 'no-store');
      return applicationDetail(ctx, p, request.params.number, request.ip);
    },
  );

  for (const action of KEY_ACTIONS) {
    const def = ACTION_ROUTES[action];
    r.post(
      `/layanan/integration/applications/:number/${def.path}`,
      {
        schema: {
          tags,
          summary: `${keyed} ${def.summary}`,
          headers: KeyHeaders,
          params: NumberParams,
          body: Type.Object(def.body as Parameters<typeof Type.Object>[0], { additionalProperties: false }),
          response: { 200: ApplicationFactsSchema, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const p = await caller(request);
        const done = await stepForKey(ctx, p, request.params.number, action, request.body as ActionInput, request.headers['idempotency-key']);
        if (done.replayed) reply.header('Idempotent-Replayed', 'true');
        return done.body;
      },
    );
  }

  r.post(
    '/layanan/integration/applications/:number/issue',
    {
      schema: {
        tags,
        summary: `${keyed} the issuance step with the document the OPD’s system made (multipart field "file", a PDF): cleaned, stamped with its verification QR code, signed and registered`,
        consumes: ['multipart/form-data'],
        headers: KeyHeaders,
        params: NumberParams,
        response: { 200: ApplicationFactsSchema, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const p = await caller(request);
      const { raw, filename } = await onlyFile(request, 'file');
      const done = await issueForKey(ctx, p, request.params.number, raw, filename, request.headers['idempotency-key']);
      if (done.replayed) reply.header('Idempotent-Replayed', 'true');
      return done.body;
    },
  );
}
