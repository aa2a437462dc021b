import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { PluginOptions } from '../core/module.js';
import { requireRole } from '../core/auth/principal.js';
import { problems } from '../core/http/schemas.js';
import { sendAttachment } from '../core/http/download.js';
import {
  AnsweredSchema, AnswerInputSchema, AnswerListSchema, FormSchema, KeyParams, PageQuery, PaperInputSchema, PeriodInputSchema, PeriodListSchema, PeriodParams,
  PeriodSchema, PeriodUnitParams, PopulationInputSchema, PublishedListSchema, ResultsSchema, TokenParams, UnitListSchema, UnitParams, UnitSchema,
} from './api-schemas.js';
import { ENTRY_ROLES, PUBLISH_ROLES, READ_ROLES } from './access.js';
import { answerInvitation, answerPublicLink, enterPaperForm, invitationForm } from './answers.js';
import { publishedResults, publishResults, rawAnswers, results, resultsFile, type ResultsFormat } from './results.js';
import { createPeriod, periodView, setUnitPopulation } from './periods.js';
import { unitView } from './units.js';
import { UNIT } from './messages.js';
import { notFound } from '../core/errors.js';
import * as reads from './reads.js';

const tags = ['skm'];
const FORMATS: readonly ResultsFormat[] = ['csv', 'xlsx', 'pdf'];

/** Survei Kepuasan Masyarakat (PermenPANRB 14/2017): answering, paper entry, results and their publication. */
export async function skmRoutes(app: FastifyInstance, { ctx }: PluginOptions): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const submitLimit = { rateLimit: { max: ctx.config.submitRateLimitPerMinute, timeWindow: '1 minute' } };

  r.get('/skm/units', { schema: { tags, summary: 'The service units surveyed, with each one’s public survey link key', security: [], response: { 200: UnitListSchema } } }, async () => ({
    items: (await reads.units(ctx)).map(unitView),
  }));

  r.get(
    '/skm/units/by-key/:key',
    { schema: { tags, summary: 'A unit by its public survey link (the anonymous form)', security: [], params: KeyParams, response: { 200: UnitSchema, ...problems(404) } } },
    async (request) => {
      const unit = await reads.unitByKey(ctx, request.params.key);
      if (!unit) throw notFound(UNIT);
      return unitView(unit);
    },
  );

  r.post(
    '/skm/units/by-key/:key/answers',
    {
      config: submitLimit,
      schema: { tags, summary: 'Answer a unit’s survey anonymously through its public link', security: [], params: KeyParams, body: AnswerInputSchema, response: { 201: AnsweredSchema, ...problems(400, 404, 422, 429) } },
    },
    async (request, reply) => reply.status(201).send(await answerPublicLink(ctx, request.params.key, request.body)),
  );

  r.put(
    '/skm/units/:unitId/population',
    { schema: { tags, summary: 'The people a unit serves in a year (sets its minimum sample): the unit’s heads', params: UnitParams, body: PopulationInputSchema, response: { 200: UnitSchema, ...problems(400, 401, 403, 404) } } },
    async (request) => setUnitPopulation(ctx, requireRole(request.principal, PUBLISH_ROLES), request.params.unitId, request.body.population),
  );

  r.post(
    '/skm/units/:unitId/paper-answers',
    { schema: { tags, summary: 'Enter a paper survey form: the unit’s officers', params: UnitParams, body: PaperInputSchema, response: { 201: AnsweredSchema, ...problems(400, 401, 403, 404, 422) } } },
    async (request, reply) => reply.status(201).send(await enterPaperForm(ctx, requireRole(request.principal, ENTRY_ROLES), request.params.unitId, request.body)),
  );

  r.get(
    '/skm/invitations/:token',
    { schema: { tags, summary: 'The survey an invitation link opens, and whether it was answered', security: [], params: TokenParams, response: { 200: FormSchema, ...problems(404) } } },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return invitationForm(ctx, request.params.token);
    },
  );

  r.post(
    '/skm/invitations/:token/answers',
    {
      config: submitLimit,
      schema: { tags, summary: 'Answer through an invitation (once: a second answer is 409)', security: [], params: TokenParams, body: AnswerInputSchema, response: { 201: AnsweredSchema, ...problems(400, 404, 409, 422, 429) } },
    },
    async (request, reply) => reply.status(201).send(await answerInvitation(ctx, request.params.token, request.body)),
  );

  r.get('/skm/periods', { schema: { tags, summary: 'Survey periods', security: [], response: { 200: PeriodListSchema } } }, async () => ({
    items: (await reads.periods(ctx)).map(periodView),
  }));

  r.post(
    '/skm/periods',
    { schema: { tags, summary: 'Open a survey period: the city’s administrator', body: PeriodInputSchema, response: { 201: PeriodSchema, ...problems(400, 401, 403, 409, 422) } } },
    async (request, reply) => reply.status(201).send(await createPeriod(ctx, requireRole(request.principal, ['super_admin']), request.body)),
  );

  r.get(
    '/skm/periods/:periodId/results',
    { schema: { tags, summary: 'Every unit’s published results of a period', security: [], params: PeriodParams, response: { 200: PublishedListSchema, ...problems(404) } } },
    async (request) => publishedResults(ctx, request.params.periodId),
  );

  r.get(
    '/skm/periods/:periodId/units/:unitId/results',
    {
      schema: {
        tags,
        summary: 'A unit’s IKM for a period in the regulation’s table layout: published for everyone, before that for the unit’s staff and the city’s',
        security: [],
        params: PeriodUnitParams,
        response: { 200: ResultsSchema, ...problems(404) },
      },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return results(ctx, request.principal, request.params.periodId, request.params.unitId);
    },
  );

  for (const format of FORMATS) {
    r.get(
      `/skm/periods/:periodId/units/:unitId/results.${format}`,
      { schema: { tags, summary: `The results table as ${format.toUpperCase()}`, security: [], params: PeriodUnitParams, response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...problems(404) } } },
      async (request, reply) => sendAttachment(reply, await resultsFile(ctx, request.principal, request.params.periodId, request.params.unitId, format), 'no-store'),
    );
  }

  r.get(
    '/skm/periods/:periodId/units/:unitId/answers',
    { schema: { tags, summary: 'A unit’s raw answers with suggestions: its staff and the city’s only', params: PeriodUnitParams, querystring: PageQuery, response: { 200: AnswerListSchema, ...problems(400, 401, 403, 404) } } },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      const { limit = 100, offset = 0 } = request.query;
      return rawAnswers(ctx, requireRole(request.principal, READ_ROLES), request.params.periodId, request.params.unitId, { limit, offset });
    },
  );

  r.post(
    '/skm/periods/:periodId/units/:unitId/publish',
    { schema: { tags, summary: 'Publish a unit’s results for an ended period: its heads or the city’s administrator', params: PeriodUnitParams, response: { 200: ResultsSchema, ...problems(401, 403, 404, 409) } } },
    async (request) => publishResults(ctx, requireRole(request.principal, PUBLISH_ROLES), request.params.periodId, request.params.unitId),
  );
}
