/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), so existing Open311 and
 * FixMyStreet-style clients can file and follow reports. Every endpoint answers in JSON or XML by
 * its path suffix, errors included.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../core/context.js';
import { apiKeyId } from './api-keys.js';
import { errorDoc, invalidApiKey, open311Error } from './errors.js';
import { CONTENT_TYPES, formatOfUrl, render, type Doc, type Format, type Row } from './format.js';
import * as s from './api-schemas.js';
import * as svc from './service.js';

const send = (reply: FastifyReply, format: Format, status: number, doc: Doc) =>
  reply.status(status).type(CONTENT_TYPES[format]).send(render(format, doc));

const requestsDoc = (list: Row[]): Doc => ({ root: 'service_requests', item: 'request', list });

/** Absolute URLs (discovery, media) follow the host the client used; behind a proxy see TRUST_PROXY. */
const baseUrlOf = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;

export async function open311Routes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  // Open311 clients post forms; the parser stays inside this plugin.
  await app.register(formbody);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = open311Error(error);
    if (!known) request.log.error({ err: error }, 'unhandled error');
    const { status, doc } = known ?? errorDoc(500, { id: 'Terjadi kesalahan pada server.', en: 'Something went wrong on the server.' });
    return send(reply, formatOfUrl(request.url), status, doc);
  });
  app.setNotFoundHandler((request, reply) => {
    const { status, doc } = errorDoc(404, { id: 'Alamat tidak ditemukan.', en: 'No such endpoint.' });
    return send(reply, formatOfUrl(request.url), status, doc);
  });

  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { tags } = s;

  r.get(
    '/discovery.:format',
    {
      schema: {
        tags,
        summary: 'Open311 discovery: where this endpoint is and which formats it speaks',
        security: [],
        params: s.FormatParams,
        querystring: s.JurisdictionQuery,
        response: s.answers(200, 'Discovery document', s.DiscoverySchema),
      },
    },
    async (request, reply) => send(reply, request.params.format, 200, { root: 'discovery', object: svc.discovery(ctx, baseUrlOf(request)) }),
  );

  r.get(
    '/services.:format',
    {
      schema: {
        tags,
        summary: 'Services: one per active sub-category, grouped by khidmat',
        security: [],
        params: s.FormatParams,
        querystring: s.JurisdictionQuery,
        response: s.answers(200, 'Service list', s.ServicesSchema),
      },
    },
    async (request, reply) => send(reply, request.params.format, 200, { root: 'services', item: 'service', list: await svc.services(ctx) }),
  );

  r.get(
    '/services/:code.:format',
    {
      schema: {
        tags,
        summary: 'Service definition (no service asks for extra attributes)',
        security: [],
        params: s.ServiceParams,
        querystring: s.JurisdictionQuery,
        response: s.answers(200, 'Service definition', s.DefinitionSchema, 404),
      },
    },
    async (request, reply) =>
      send(reply, request.params.format, 200, { root: 'service_definition', object: await svc.serviceDefinition(ctx, request.params.code) }),
  );

  // The key is checked before the body is validated, so a client without one learns nothing else.
  const keyOf = new WeakMap<FastifyRequest, number>();
  r.post(
    '/requests.:format',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      preValidation: async (request) => {
        const key = (request.body as { api_key?: unknown } | undefined)?.api_key;
        const id = await apiKeyId(ctx, typeof key === 'string' ? key : undefined);
        if (id === null) throw invalidApiKey();
        keyOf.set(request, id);
      },
      schema: {
        tags,
        summary: 'File a service request (application/x-www-form-urlencoded, with api_key). It becomes public once the city verifies it.',
        security: [],
        consumes: ['application/x-www-form-urlencoded', 'application/json'],
        params: s.FormatParams,
        body: s.NewRequestBody,
        response: s.answers(200, 'The tracking number and a token', s.CreatedSchema, 400, 403, 429),
      },
    },
    // 200, not 201: the spec names no status and Open311 clients are written against servers answering 200.
    async (request, reply) => send(reply, request.params.format, 200, requestsDoc([await svc.fileRequest(ctx, keyOf.get(request)!, request.body)])),
  );

  r.get(
    '/requests.:format',
    {
      schema: {
        tags,
        summary: 'Public service requests (verified, not confidential), newest first, at most 1000',
        security: [],
        params: s.FormatParams,
        querystring: s.RequestsQuery,
        response: s.answers(200, 'Service requests', s.RequestsSchema, 400),
      },
    },
    async (request, reply) => send(reply, request.params.format, 200, requestsDoc(await svc.findRequests(ctx, request.query, baseUrlOf(request)))),
  );

  r.get(
    '/requests/:id.:format',
    {
      schema: {
        tags,
        summary: 'One public service request',
        security: [],
        params: s.RequestParams,
        querystring: s.JurisdictionQuery,
        response: s.answers(200, 'The service request', s.RequestsSchema, 404),
      },
    },
    async (request, reply) => send(reply, request.params.format, 200, requestsDoc(await svc.findRequest(ctx, request.params.id, baseUrlOf(request)))),
  );

  r.get(
    '/tokens/:token.:format',
    {
      schema: {
        tags,
        summary: 'The service_request_id behind a token returned when filing',
        security: [],
        params: s.TokenParams,
        querystring: s.JurisdictionQuery,
        response: s.answers(200, 'Token and request id', s.TokenSchema, 404),
      },
    },
    async (request, reply) => send(reply, request.params.format, 200, requestsDoc([await svc.requestOfToken(ctx, request.params.token)])),
  );
}
