import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { PluginOptions } from '../core/module.js';
import { requireUser, type Principal } from '../core/auth/principal.js';
import type { Db } from '../core/db/client.js';
import { forbidden, invalid } from '../core/errors.js';
import { idempotent } from '../core/idempotency/idempotency.js';
import { problems } from '../core/http/schemas.js';
import { sendAttachment } from '../core/http/download.js';
import { ArchiveQuerySchema, ArchiveSchema, ReportQuerySchema, ReportSchema, ACTION_ROUTES, OBJECTION_ROUTES, ObjectionInputSchema, ObjectionListSchema, DetailSchema, FiledSchema, ListQuerySchema, ListSchema, RegistrationParams, RequestInputSchema, SecretQuery } from './api-schemas.js';
import { act, type ActionInput } from './actions.js';
import { fileRequest } from './intake.js';
import { archive, reportFile, yearlyReport } from './archive.js';
import { XLSX_MIME } from '../core/export/xlsx.js';
import { fileObjection, listObjections, objectionStep, type ObjectionStepInput } from './objections.js';
import type { ObjectionAction } from './objection-lifecycle.js';
import { OBJECTION_ROLES } from './access.js';
import { REQUEST_STATUSES, type RequestAction, type RequestStatus } from './lifecycle.js';
import { filedAnswer, listForDesk, listMine, refiledAnswer, requestDetail, requestDocument } from './reads.js';
import { claimAnswer, fileRequestOnline } from './intake-desk.js';
import { noticePdf, receiptPdf } from './letters.js';
import { uploadPowerOfAttorney } from './power-of-attorney.js';
import { onlyFile } from '../core/files/multipart.js';

const tags = ['ppid'];

function parseList(raw: { status?: string | undefined; limit?: number | undefined; offset?: number | undefined }) {
  const status = raw.status ? raw.status.split(',').map((s) => s.trim()) : undefined;
  const bad = status?.find((s) => !REQUEST_STATUSES.includes(s as RequestStatus));
  if (bad !== undefined) throw invalid('unknown_status', `Status tidak dikenal: ${bad}.`, `Unknown status: ${bad}.`, 'status');
  return { status: status as RequestStatus[] | undefined, limit: raw.limit ?? 20, offset: raw.offset ?? 0 };
}

/** Public information requests (UU 14/2008): filing, the PPID desks' work, the requester's view. */
export async function ppidRoutes(app: FastifyInstance, { ctx }: PluginOptions): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post(
    '/ppid/requests',
    {
      config: { rateLimit: { max: ctx.config.submitRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'File an information request: anyone, with or without an account (PPID officers also enter walk-in, phone, letter and email requests). Answers with the registration number, the deadlines and the secret link.',
        security: [],
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) }),
        body: RequestInputSchema,
        response: { 201: FiledSchema, ...problems(400, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const p = request.principal;
      // Without an account a retry is known by its key and body alone: a phone that changed networks
      // while the first answer was lost must get the same request back, not file it again.
      const scope = p ? `user:${p.userId}` : 'ppid:anonymous';
      const key = request.headers['idempotency-key'];
      const filed = await fileRequestOnline(ctx, p, request.body, scope, key);
      if (filed) return reply.status(201).send(await filedAnswer(ctx, filed.row, filed.token));
      // The key was used before: its stored answer, or a refusal when it was for another request.
      const result = await idempotent(ctx.db, scope, key, request.body, async (tx) => {
        const { row, token } = await fileRequest(ctx, tx, p, request.body);
        return { status: 201, body: claimAnswer(ctx, row.registrationNumber, token) };
      });
      if (result.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.status(201).send(await refiledAnswer(ctx, result.body.registrationNumber, ctx.cipher.decrypt(result.body.tokenEncrypted)));
    },
  );

  r.get(
    '/ppid/requests',
    {
      schema: {
        tags,
        summary: 'PPID desks: the work list (a PPID Pelaksana sees only its OPD’s requests); open requests by deadline, overdue first',
        querystring: ListQuerySchema,
        response: { 200: ListSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => listForDesk(ctx, requireUser(request.principal), parseList(request.query)),
  );

  r.get(
    '/ppid/requests/mine',
    { schema: { tags, summary: 'My information requests (filed while logged in)', querystring: ListQuerySchema, response: { 200: ListSchema, ...problems(400, 401) } } },
    async (request) => listMine(ctx, requireUser(request.principal), parseList(request.query)),
  );

  r.get(
    '/ppid/requests/:registrationNumber',
    {
      schema: {
        tags,
        summary: 'A request with its deadlines, notice and timeline: for the requester (account or secret link ?kunci=) and the PPID desks in scope',
        security: [],
        params: RegistrationParams,
        querystring: SecretQuery,
        response: { 200: DetailSchema, ...problems(404) },
      },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return requestDetail(ctx, request.principal, request.params.registrationNumber, request.query.kunci, request.ip);
    },
  );

  const LETTERS = [
    { path: 'receipt.pdf', summary: 'The receipt (tanda bukti permohonan) as PDF', name: 'tanda-bukti', render: receiptPdf },
    { path: 'notice.pdf', summary: 'The written notice (pemberitahuan tertulis) as PDF, once answered: for the requester and the desks in scope', name: 'pemberitahuan', render: noticePdf },
  ];
  for (const letter of LETTERS) {
    r.get(
      `/ppid/requests/:registrationNumber/${letter.path}`,
      {
        schema: {
          tags,
          summary: letter.summary,
          security: [],
          params: RegistrationParams,
          querystring: SecretQuery,
          response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...problems(404) },
        },
      },
      async (request, reply) => {
        const { registrationNumber } = request.params;
        const data = await letter.render(ctx, request.principal, registrationNumber, request.query.kunci, request.ip);
        return sendAttachment(reply, { name: `${letter.name}-${registrationNumber}.pdf`, mime: 'application/pdf', data }, 'no-store');
      },
    );
  }

  r.get(
    '/ppid/requests/:registrationNumber/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'A request’s document: an answer document (for anyone once the answer is in the public archive), the power of attorney or the Komisi Informasi’s decision (for the requester and the desks)',
        security: [],
        params: Type.Object({ ...RegistrationParams.properties, documentId: Type.String({ format: 'uuid' }) }),
        querystring: SecretQuery,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...problems(404) },
      },
    },
    async (request, reply) => {
      return sendAttachment(reply, await requestDocument(ctx, request.principal, request.params.registrationNumber, request.params.documentId, request.query.kunci));
    },
  );

  r.post(
    '/ppid/requests/:registrationNumber/power-of-attorney',
    {
      config: { rateLimit: { max: ctx.config.submitRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'The power of attorney of a request filed for someone else (multipart field "file": a PDF, or a JPEG/PNG/WebP photo kept as a PDF): by the requester (account or secret link) or the desk, until the request is verified',
        security: [],
        consumes: ['multipart/form-data'],
        params: RegistrationParams,
        querystring: SecretQuery,
        response: { 200: DetailSchema, ...problems(400, 404, 409, 413, 415, 422, 429) },
      },
    },
    async (request) => {
      const { registrationNumber } = request.params;
      const { raw, filename } = await onlyFile(request, 'file');
      await uploadPowerOfAttorney(ctx, request.principal, registrationNumber, request.query.kunci, raw, filename);
      return requestDetail(ctx, request.principal, registrationNumber, request.query.kunci, request.ip);
    },
  );

  /** A step on a request (or its objection): idempotent by key, answered with the request as the caller now sees it. */
  const stepRoute = (path: string, summary: string, body: Record<string, unknown>, run: (tx: Db, p: Principal | null, registrationNumber: string, input: unknown, secret: string | undefined) => Promise<void>) =>
    r.post(
      `/ppid/requests/:registrationNumber/${path}`,
      {
        schema: {
          tags,
          summary,
          security: [],
          params: RegistrationParams,
          querystring: SecretQuery,
          headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) }),
          body: Type.Object(body as Parameters<typeof Type.Object>[0]),
          response: { 200: DetailSchema, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        const p = request.principal;
        const { registrationNumber } = request.params;
        const secret = request.query.kunci;
        const scope = p ? `user:${p.userId}` : `ppid:${registrationNumber}`;
        await idempotent(ctx.db, scope, request.headers['idempotency-key'], { registrationNumber, path, body: request.body }, async (tx) => {
          await run(tx, p, registrationNumber, request.body, secret);
          return { status: 200, body: {} };
        });
        return requestDetail(ctx, p, registrationNumber, secret, request.ip);
      },
    );

  for (const [action, def] of Object.entries(ACTION_ROUTES) as [RequestAction, (typeof ACTION_ROUTES)[RequestAction]][]) {
    stepRoute(def.path, def.summary, def.body, (tx, p, n, input, secret) => act(ctx, tx, p, n, action, input as ActionInput, secret));
  }
  stepRoute('objection', 'Requester: object (keberatan, Pasal 35) within 30 working days of the reason, on letters a–g', ObjectionInputSchema.properties, (tx, p, n, input, secret) =>
    fileObjection(ctx, tx, p, n, input as Parameters<typeof fileObjection>[4], secret),
  );
  for (const [action, def] of Object.entries(OBJECTION_ROUTES) as [ObjectionAction, (typeof OBJECTION_ROUTES)[ObjectionAction]][]) {
    stepRoute(`objection/${def.path}`, def.summary, def.body, (tx, p, n, input, secret) => objectionStep(ctx, tx, p, n, action, input as ObjectionStepInput, secret));
  }

  r.get(
    '/ppid/objections',
    {
      schema: {
        tags,
        summary: 'Atasan PPID (and the PPID Utama, auditors): objections, undecided ones by their deadline first',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })) }),
        response: { 200: ObjectionListSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const p = requireUser(request.principal);
      if (!OBJECTION_ROLES.includes(p.role)) throw forbidden();
      return listObjections(ctx, { limit: request.query.limit ?? 20, offset: request.query.offset ?? 0 });
    },
  );

  r.get(
    '/ppid/archive',
    {
      schema: {
        tags,
        summary: 'The public archive: answered requests whose requester consented, newest first (never who asked); the answer itself where nothing was withheld',
        security: [],
        querystring: ArchiveQuerySchema,
        response: { 200: ArchiveSchema, ...problems(400) },
      },
    },
    async (request) => archive(ctx, { q: request.query.q, limit: request.query.limit ?? 20, offset: request.query.offset ?? 0 }),
  );

  const reportSummary = 'The yearly PPID report per OPD (received, granted, partly, refused by Pasal 17 letter, not held, average working days, objections, disputes and outcomes)';
  r.get(
    '/ppid/report',
    { schema: { tags, summary: reportSummary, security: [], querystring: ReportQuerySchema, response: { 200: ReportSchema, ...problems(400) } } },
    async (request) => yearlyReport(ctx, request.query.year),
  );
  const REPORT_MIME = { csv: 'text/csv; charset=utf-8', xlsx: XLSX_MIME, pdf: 'application/pdf' } as const;
  for (const format of ['csv', 'xlsx', 'pdf'] as const) {
    r.get(
      `/ppid/report.${format}`,
      {
        schema: {
          tags,
          summary: `${reportSummary} as ${format.toUpperCase()}`,
          security: [],
          querystring: ReportQuerySchema,
          response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...problems(400) },
        },
      },
      async (request, reply) => {
        const report = await yearlyReport(ctx, request.query.year);
        return reply
          .type(REPORT_MIME[format])
          .header('Content-Disposition', `attachment; filename="laporan-ppid-${report.year}.${format}"`)
          .send(Buffer.from(await reportFile(report, format)));
      },
    );
  }
}
