import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { PluginOptions } from '../core/module.js';
import { requireRole } from '../core/auth/principal.js';
import { problems } from '../core/http/schemas.js';
import {
  DpaInputSchema, DpaResultSchema, EvaluationQuery, EvaluationSchema, IdParams, LinkInputSchema, LinkParams, LinkResultSchema, ListQuery, PhotoParams, PublicActivitiesSchema,
  ReportEditSchema, ReportInputSchema, ReportSchema, StepSchema, SubActivityDetailSchema, SubActivityListSchema, TrackingParams,
} from './api-schemas.js';
import { READ_ROLES, REPORT_ROLES, rolesFor, WRITE_ROLES } from './access.js';
import { STEP_ACTIONS } from './lifecycle.js';
import { importDpa } from './dpa.js';
import { createReport, editReport, reportDetail, reportPhoto, stepReport } from './reports.js';
import { answeringComplaint, linkComplaints, unlinkComplaint } from './links.js';
import { evaluation, evaluationFile, listSubActivities, subActivityDetail } from './evaluation.js';
import { sendAttachment } from '../core/http/download.js';

const tags = ['emonev'];
const STEP_SUMMARY = {
  submit: 'Submit a draft report to the e-monev desk: the OPD',
  accept: 'Accept a submitted report: the e-monev desk',
  return: 'Return a submitted report with the reasons (note): the e-monev desk',
  resubmit: 'Resubmit a returned report after correcting it: the OPD',
} as const;

/** e-monev: the OPDs' DPA, their monthly realisation checked by Bappeda, the complaints it answers, the monthly evaluation. */
export async function emonevRoutes(app: FastifyInstance, { ctx }: PluginOptions): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post(
    '/emonev/dpa',
    { schema: { tags, summary: 'Enter an OPD’s DPA for a year (programmes, kegiatan, sub-kegiatan with budgets and monthly plans): its staff, or the desk for any OPD', body: DpaInputSchema, response: { 201: DpaResultSchema, ...problems(400, 401, 403, 404, 409, 422) } } },
    async (request, reply) => reply.status(201).send(await importDpa(ctx, requireRole(request.principal, WRITE_ROLES), request.body)),
  );

  r.get(
    '/emonev/sub-activities',
    { schema: { tags, summary: 'A year’s sub-kegiatan with their reports, late months and whether they are behind plan (OPD staff: their own OPD)', querystring: ListQuery, response: { 200: SubActivityListSchema, ...problems(400, 401, 403, 422) } } },
    async (request) => listSubActivities(ctx, requireRole(request.principal, READ_ROLES), request.query),
  );

  r.get(
    '/emonev/sub-activities/:id',
    { schema: { tags, summary: 'One sub-kegiatan with its reports and linked complaints', params: IdParams, response: { 200: SubActivityDetailSchema, ...problems(401, 403, 404) } } },
    async (request) => subActivityDetail(ctx, requireRole(request.principal, READ_ROLES), request.params.id),
  );

  r.post(
    '/emonev/sub-activities/:id/reports',
    { schema: { tags, summary: 'Draft a month’s realisation report (cumulative figures): the OPD’s staff', params: IdParams, body: ReportInputSchema, response: { 201: ReportSchema, ...problems(400, 401, 403, 404, 409, 422) } } },
    async (request, reply) => reply.status(201).send(await createReport(ctx, requireRole(request.principal, REPORT_ROLES), request.params.id, request.body)),
  );

  r.post(
    '/emonev/sub-activities/:id/complaints',
    { schema: { tags, summary: 'Link complaints (aduan tracking numbers) the sub-kegiatan answers', params: IdParams, body: LinkInputSchema, response: { 200: LinkResultSchema, ...problems(400, 401, 403, 404, 422) } } },
    async (request) => linkComplaints(ctx, requireRole(request.principal, WRITE_ROLES), request.params.id, request.body.trackingNumbers),
  );

  r.delete(
    '/emonev/sub-activities/:id/complaints/:trackingNumber',
    { schema: { tags, summary: 'Remove a complaint link', params: LinkParams, response: { 200: LinkResultSchema, ...problems(400, 401, 403, 404) } } },
    async (request) => unlinkComplaint(ctx, requireRole(request.principal, WRITE_ROLES), request.params.id, request.params.trackingNumber),
  );

  r.get(
    '/emonev/reports/:id',
    { schema: { tags, summary: 'A realisation report with its plan, deadline, photos and timeline', params: IdParams, response: { 200: ReportSchema, ...problems(401, 403, 404) } } },
    async (request) => reportDetail(ctx, requireRole(request.principal, READ_ROLES), request.params.id),
  );

  r.patch(
    '/emonev/reports/:id',
    { schema: { tags, summary: 'Correct a draft or returned report: the OPD’s staff', params: IdParams, body: ReportEditSchema, response: { 200: ReportSchema, ...problems(400, 401, 403, 404, 409, 422) } } },
    async (request) => editReport(ctx, requireRole(request.principal, REPORT_ROLES), request.params.id, request.body),
  );

  for (const action of STEP_ACTIONS) {
    r.post(
      `/emonev/reports/:id/${action}`,
      { schema: { tags, summary: STEP_SUMMARY[action], params: IdParams, body: StepSchema, response: { 200: ReportSchema, ...problems(400, 401, 403, 404, 409, 422) } } },
      async (request) => stepReport(ctx, requireRole(request.principal, rolesFor(action)), request.params.id, action, request.body.note),
    );
  }

  r.get(
    '/emonev/reports/:id/photos/:photoId',
    { schema: { tags, summary: 'A photo of a realisation report', params: PhotoParams, response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...problems(401, 403, 404) } } },
    async (request, reply) => {
      const photo = await reportPhoto(ctx, requireRole(request.principal, READ_ROLES), request.params.id, request.params.photoId);
      return reply.type(photo.mime).header('Cache-Control', 'private, no-store').send(photo.data);
    },
  );

  r.get(
    '/emonev/evaluation',
    { schema: { tags, summary: 'An OPD’s month for the mayor’s meeting: realisation against plan, its complaints and SLA shares, its IKM', querystring: EvaluationQuery, response: { 200: EvaluationSchema, ...problems(400, 401, 403, 404, 422) } } },
    async (request) => evaluation(ctx, requireRole(request.principal, READ_ROLES), request.query),
  );

  r.get(
    '/emonev/evaluation.xlsx',
    { schema: { tags, summary: 'The month’s evaluation as a workbook for the meeting’s papers', querystring: EvaluationQuery, response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...problems(400, 401, 403, 404, 422) } } },
    async (request, reply) => sendAttachment(reply, await evaluationFile(ctx, requireRole(request.principal, READ_ROLES), request.query), 'private, no-store'),
  );

  r.get(
    '/emonev/complaints/:trackingNumber/activities',
    { schema: { tags, summary: 'The city’s activities answering a complaint, with their accepted progress (public)', security: [], params: TrackingParams, response: { 200: PublicActivitiesSchema, ...problems(400) } } },
    async (request, reply) => {
      reply.header('Cache-Control', 'public, max-age=60');
      return answeringComplaint(ctx, request.params.trackingNumber);
    },
  );
}
