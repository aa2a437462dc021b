import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { PluginOptions } from '../core/module.js';
import { runAction, type Params } from './ckan.js';
import { siteUrlOf } from '../core/http/site-url.js';
import { dcatCatalogue } from './dcat.js';

const tags = ['satudata'];
const Envelope = Type.Unknown({ description: 'CKAN’s envelope: {help, success, result} or {help, success: false, error: {__type, message}}' });
const ActionParams = Type.Object({ action: Type.String({ minLength: 1, maxLength: 100 }) });

/** CKAN's action API (GET with query parameters or POST with a JSON body, as CKAN takes both) and the DCAT catalogue. */
export async function ckanRoutes(app: FastifyInstance, { ctx }: PluginOptions): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const summary =
    'CKAN action API v3 (read): status_show, package_list, package_show, package_search, organization_list, organization_show, group_list, tag_list, resource_show — CKAN 2.10’s parameters, envelope, field names and errors';

  r.get('/api/3/action/:action', { schema: { tags, summary, security: [], params: ActionParams, response: { 200: Envelope, 400: Envelope, 404: Envelope, 409: Envelope } } }, async (request, reply) => {
    const { status, body } = await runAction(ctx, request.params.action, request.query as Params, siteUrlOf(ctx, request));
    return reply.status(status as 200).header('Access-Control-Allow-Origin', '*').send(body);
  });

  r.post('/api/3/action/:action', { schema: { tags, summary, security: [], params: ActionParams, response: { 200: Envelope, 400: Envelope, 404: Envelope, 409: Envelope } } }, async (request, reply) => {
    const body = request.body;
    const params = body && typeof body === 'object' && !Array.isArray(body) ? (body as Params) : {};
    const { status, body: out } = await runAction(ctx, request.params.action, params, siteUrlOf(ctx, request));
    return reply.status(status as 200).send(out);
  });

  r.get(
    '/catalog.jsonld',
    { schema: { tags, summary: 'The open data catalogue in DCAT (DCAT-AP shapes) as JSON-LD: every published dataset and its files', security: [], response: { 200: Type.Unknown() } } },
    async (request, reply) => reply.type('application/ld+json; charset=utf-8').header('Access-Control-Allow-Origin', '*').send(JSON.stringify(await dcatCatalogue(ctx, siteUrlOf(ctx, request)))),
  );
}
