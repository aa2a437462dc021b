import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { PluginOptions } from '../core/module.js';
import { requireRole, requireUser } from '../core/auth/principal.js';
import { invalid } from '../core/errors.js';
import { idempotent } from '../core/idempotency/idempotency.js';
import { issuingInTransaction } from '../core/signing/index.js';
import { problems } from '../core/http/schemas.js';
import { sendAttachment } from '../core/http/download.js';
import { onlyFile } from '../core/files/multipart.js';
import {
  ACTION_ROUTES,
  AnswersInputSchema,
  ApplicationDetailSchema,
  ApplicationListQuerySchema,
  ApplicationListSchema,
  CatalogueQuerySchema,
  CatalogueSchema,
  FilingSchema,
  NumberParams,
  PublishedSchema,
  ServiceChangeSchema,
  ServiceCodeParams,
  ServiceDetailSchema,
  ServiceInputSchema,
  VersionInputSchema,
} from './api-schemas.js';
import { EDITOR_ROLES, INBOX_ROLES } from './access.js';
import { changeService, createService, listCatalogue, publishVersion, serviceDetail } from './catalogue.js';
import { fileApplication, saveAnswers } from './applications.js';
import { fileOnline } from './filing-desk.js';
import { act, type ActionInput } from './actions.js';
import { applicationDetail, applicationFile, issuedDocument, listInbox, listMine } from './reads.js';
import { uploadRequirement } from './requirements.js';
import { APPLICATION_STATUSES, type ApplicationAction, type ApplicationStatus } from './lifecycle.js';
import type { ServiceVersion } from './form/definition.js';

const tags = ['layanan'];
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) });

function parseList(raw: { status?: string | undefined; step?: string | undefined; service?: string | undefined; limit?: number | undefined; offset?: number | undefined }) {
  const status = raw.status ? raw.status.split(',').map((s) => s.trim()) : undefined;
  const bad = status?.find((s) => !APPLICATION_STATUSES.includes(s as ApplicationStatus));
  if (bad !== undefined) throw invalid('unknown_status', `Status tidak dikenal: ${bad}.`, `Unknown status: ${bad}.`, 'status');
  return { status: status as ApplicationStatus[] | undefined, step: raw.step, service: raw.service, limit: raw.limit ?? 20, offset: raw.offset ?? 0 };
}

/** Public services (layanan): the catalogue and its editor, applications and the OPD desks' work. */
export async function layananRoutes(app: FastifyInstance, { ctx }: PluginOptions): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  /* The catalogue */

  r.get(
    '/layanan/services',
    {
      schema: {
        tags,
        summary: 'The catalogue of services (standar pelayanan), searchable; open to anyone. `mine`: an OPD admin’s own services, unpublished ones too',
        security: [],
        querystring: CatalogueQuerySchema,
        response: { 200: CatalogueSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { mine, ...rest } = request.query;
      const p = mine ? requireRole(request.principal, EDITOR_ROLES) : request.principal;
      return listCatalogue(ctx, p, { ...rest, mine, limit: rest.limit ?? 20, offset: rest.offset ?? 0 });
    },
  );

  r.get(
    '/layanan/services/:code',
    {
      schema: {
        tags,
        summary: 'A service’s standar pelayanan before anyone logs in: requirements, steps, time, fee, legal basis and its current form',
        security: [],
        params: ServiceCodeParams,
        response: { 200: ServiceDetailSchema, ...problems(404) },
      },
    },
    async (request) => serviceDetail(ctx, request.principal, request.params.code),
  );

  r.post(
    '/layanan/services',
    { schema: { tags, summary: 'OPD admin: define a new service of their OPD (published once its first version is)', body: ServiceInputSchema, response: { 201: ServiceDetailSchema, ...problems(400, 401, 403, 409, 422) } } },
    async (request, reply) => {
      const p = requireRole(request.principal, EDITOR_ROLES);
      const service = await createService(ctx, p, request.body);
      return reply.status(201).send(await serviceDetail(ctx, p, service.code));
    },
  );

  r.patch(
    '/layanan/services/:code',
    { schema: { tags, summary: 'OPD admin: change a service’s standar pelayanan, or close/reopen it to new applications', params: ServiceCodeParams, body: ServiceChangeSchema, response: { 200: ServiceDetailSchema, ...problems(400, 401, 403, 404, 422) } } },
    async (request) => {
      const p = requireRole(request.principal, EDITOR_ROLES);
      await changeService(ctx, p, request.params.code, request.body);
      return serviceDetail(ctx, p, request.params.code);
    },
  );

  r.post(
    '/layanan/services/:code/versions',
    {
      schema: {
        tags,
        summary: 'OPD admin: publish a new version of the service’s form, requirements, steps and output; applications filed before keep the version they were filed on',
        params: ServiceCodeParams,
        body: VersionInputSchema,
        response: { 201: PublishedSchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const p = requireRole(request.principal, EDITOR_ROLES);
      const version = await publishVersion(ctx, p, request.params.code, request.body as ServiceVersion & { note?: string });
      return reply.status(201).send({ code: request.params.code, version });
    },
  );

  /* Applications */

  r.post(
    '/layanan/applications',
    {
      config: { rateLimit: { max: ctx.config.submitRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Apply: a citizen for a citizens’ or businesses’ service, OPD staff for an internal one, or a counter officer of the service’s OPD for a walk-in (`applicant`). A draft, or submitted at once with `submit`',
        headers: IdempotencyHeaders,
        body: FilingSchema,
        response: { 201: ApplicationDetailSchema, ...problems(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const p = requireUser(request.principal);
      const scope = `user:${p.userId}`;
      const key = request.headers['idempotency-key'];
      const filed = await fileOnline(ctx, p, request.body, key ? { scope, key, request: request.body } : undefined, request.ip);
      if (filed) return reply.status(201).send(filed);
      // The key was used before: its stored answer, or a refusal when it was for another request.
      const result = await idempotent(ctx.db, scope, key, request.body, async (tx) => ({ status: 201, body: { number: (await fileApplication(ctx, tx, p, request.body)).number } }));
      if (result.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.status(201).send(await applicationDetail(ctx, p, result.body.number, request.ip));
    },
  );

  r.get(
    '/layanan/applications',
    {
      schema: {
        tags,
        summary: 'OPD desks: the inbox of their OPD’s applications, by step, overdue first (auditors: every OPD’s)',
        querystring: ApplicationListQuerySchema,
        response: { 200: ApplicationListSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => listInbox(ctx, requireRole(request.principal, INBOX_ROLES), parseList(request.query)),
  );

  r.get(
    '/layanan/applications/mine',
    { schema: { tags, summary: 'My applications, drafts included', querystring: ApplicationListQuerySchema, response: { 200: ApplicationListSchema, ...problems(400, 401) } } },
    async (request) => listMine(ctx, requireUser(request.principal), parseList(request.query)),
  );

  r.get(
    '/layanan/applications/:number',
    { schema: { tags, summary: 'An application with its steps and deadlines, requirements, correction and timeline: for its applicant and the OPD desks in scope', params: NumberParams, response: { 200: ApplicationDetailSchema, ...problems(401, 404) } } },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return applicationDetail(ctx, requireUser(request.principal), request.params.number, request.ip);
    },
  );

  r.put(
    '/layanan/applications/:number/answers',
    {
      schema: {
        tags,
        summary: 'Applicant: save the form’s answer of a draft, or of an application sent back for correction (checked for types and bounds; completeness when submitting)',
        params: NumberParams,
        body: AnswersInputSchema,
        response: { 200: ApplicationDetailSchema, ...problems(400, 401, 404, 409, 422) },
      },
    },
    async (request) => {
      const p = requireUser(request.principal);
      await ctx.db.transaction((tx) => saveAnswers(ctx, tx, p, request.params.number, request.body.answers));
      return applicationDetail(ctx, p, request.params.number, request.ip);
    },
  );

  r.post(
    '/layanan/applications/:number/requirements/:key',
    {
      config: { rateLimit: { max: ctx.config.submitRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Applicant: upload a requirement’s document (multipart field "file": a PDF, or a photo of the paper kept as a one-page PDF, as the requirement allows)',
        consumes: ['multipart/form-data'],
        params: Type.Object({ ...NumberParams.properties, key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }) }),
        response: { 200: ApplicationDetailSchema, ...problems(400, 401, 404, 409, 413, 415, 422, 429) },
      },
    },
    async (request) => {
      const p = requireUser(request.principal);
      const { raw, filename } = await onlyFile(request, 'file');
      await uploadRequirement(ctx, p, request.params.number, request.params.key, raw, filename);
      return applicationDetail(ctx, p, request.params.number, request.ip);
    },
  );

  r.get(
    '/layanan/applications/:number/files/:documentId',
    {
      schema: {
        tags,
        summary: 'A requirement’s document, for the application’s applicant and desks',
        params: Type.Object({ ...NumberParams.properties, documentId: Type.String({ format: 'uuid' }) }),
        response: { 200: Binary, ...problems(401, 404) },
      },
    },
    async (request, reply) => sendAttachment(reply, await applicationFile(ctx, requireUser(request.principal), request.params.number, request.params.documentId), 'no-store'),
  );

  r.get(
    '/layanan/applications/:number/document.pdf',
    { schema: { tags, summary: 'The signed document the application ended in (with its verification QR code)', params: NumberParams, response: { 200: Binary, ...problems(401, 404) } } },
    async (request, reply) => sendAttachment(reply, await issuedDocument(ctx, requireUser(request.principal), request.params.number), 'no-store'),
  );

  for (const [action, def] of Object.entries(ACTION_ROUTES) as [ApplicationAction, (typeof ACTION_ROUTES)[ApplicationAction]][]) {
    r.post(
      `/layanan/applications/:number/${def.path}`,
      {
        schema: {
          tags,
          summary: def.summary,
          params: NumberParams,
          headers: IdempotencyHeaders,
          body: Type.Object(def.body as Parameters<typeof Type.Object>[0], { additionalProperties: false }),
          response: { 200: ApplicationDetailSchema, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        const p = requireUser(request.principal);
        const { number } = request.params;
        await issuingInTransaction(ctx, () =>
          idempotent(ctx.db, `user:${p.userId}`, request.headers['idempotency-key'], { number, action, body: request.body }, async (tx) => {
            await act(ctx, tx, p, number, action, request.body as ActionInput);
            return { status: 200, body: {} };
          }),
        );
        return applicationDetail(ctx, p, number, request.ip);
      },
    );
  }
}
