import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../core/context.js';
import { requireRole, requireUser } from '../core/auth/principal.js';
import { AppError, invalid } from '../core/errors.js';
import { idempotent } from '../core/idempotency/idempotency.js';
import { Nullable, problems } from '../core/http/schemas.js';
import {
  ACTION_ROUTES,
  ComplaintInputSchema,
  DeliberationInputSchema,
  DetailSchema,
  FiguresQuery,
  FiguresSchema,
  HouseholdDetailSchema,
  IdParams,
  IdempotencyHeaders,
  ImportSchema,
  ListQuerySchema,
  ListSchema,
  MusyawarahSchema,
  NeedCatalogueSchema,
  ReferralSchema,
  ScopeSchema,
  TrackingParams,
  VisitRecordSchema,
  VisitSchema,
} from './api-schemas.js';
import { act, type ActionInput } from './actions.js';
import { submitComplaint, type ComplaintInput } from './intake.js';
import { COMPLAINT_STATUSES, SECTIONS, type ComplaintAction, type ComplaintStatus } from './lifecycle.js';
import { complaintDetail, complaintOfVisit, complaintPhoto, householdDetail, listFor, myVisits, opdReferrals, referralToOpd } from './reads.js';
import { exportDeliberation, musyawarahOverview, recordDeliberation } from './musyawarah.js';
import { figuresFor, monthlyReport } from './figures.js';
import { importRejects, importStatus, MAX_REGISTER_BYTES, queueImport, registerOverview } from './register-import.js';
import { scopeView, setScope, viewerOf, volunteers } from './staff.js';
import { NEED_CATALOGUE } from './views.js';
import { DINSOS_ROLES } from './access.js';

function parseStatuses(raw: string | undefined): ComplaintStatus[] | undefined {
  const list = raw?.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list?.find((s) => !COMPLAINT_STATUSES.includes(s as ComplaintStatus));
  if (bad !== undefined) throw invalid('unknown_status', `Status tidak dikenal: ${bad}.`, `Unknown status: ${bad}.`, 'status');
  return list as ComplaintStatus[] | undefined;
}

const download = (fileName: string) => ({ 'Content-Disposition': `attachment; filename="${fileName}"`, 'Cache-Control': 'no-store' });

export async function kemiskinanRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['kemiskinan'];
  const viewer = (p: Parameters<typeof requireUser>[0]) => viewerOf(ctx, requireUser(p));

  r.get(
    '/kemiskinan/needs',
    { schema: { tags, summary: 'The needs a household can name, per category, with labels (the filing form\'s choices)', security: [], response: { 200: NeedCatalogueSchema } } },
    async () => NEED_CATALOGUE,
  );

  r.get('/kemiskinan/me', { schema: { tags, summary: 'My place in the module: section or kelurahan', response: { 200: ScopeSchema, ...problems(401) } } }, async (request) => {
    return scopeView(ctx, await viewer(request.principal));
  });

  r.put(
    '/kemiskinan/staff/:userId/scope',
    {
      schema: {
        tags,
        summary: 'Super admin or desk: place a section officer in a section, a kelurahan operator in a kelurahan',
        params: Type.Object({ userId: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ section: Type.Optional(Type.Enum(SECTIONS)), kelurahanCode: Type.Optional(Type.String({ maxLength: 20 })) }),
        response: { 200: Type.Object({ section: Nullable(Type.Enum(SECTIONS)), kelurahanCode: Nullable(Type.String()) }), ...problems(401, 403, 404, 422) },
      },
    },
    async (request) => setScope(ctx, requireUser(request.principal), request.params.userId, request.body),
  );

  r.get(
    '/kemiskinan/volunteers',
    { schema: { tags, summary: 'Dinas Sosial: the volunteers a section can send', response: { 200: Type.Array(Type.Object({ id: Type.String(), fullName: Type.String() })), ...problems(401, 403) } } },
    async (request) => {
      requireRole(request.principal, DINSOS_ROLES);
      return volunteers(ctx);
    },
  );

  r.post(
    '/kemiskinan/complaints',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'File a poverty complaint: a citizen for their household, or a kelurahan operator / volunteer on its behalf. Send an Idempotency-Key.',
        headers: IdempotencyHeaders,
        body: ComplaintInputSchema,
        response: { 201: DetailSchema, ...problems(400, 401, 403, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const v = await viewer(request.principal);
      const result = await idempotent(ctx.db, `user:${v.userId}`, request.headers['idempotency-key'], request.body, async (tx) => {
        const c = await submitComplaint(ctx, tx, v, request.body as ComplaintInput);
        return { status: 201, body: { trackingNumber: c.trackingNumber } };
      });
      if (result.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.status(201).send(await complaintDetail(ctx, v, result.body.trackingNumber, request.ip));
    },
  );

  r.get(
    '/kemiskinan/complaints',
    { schema: { tags, summary: 'Work list (urgent first): Dinas Sosial all, operator their kelurahan, volunteer their visits, citizen their own', querystring: ListQuerySchema, response: { 200: ListSchema, ...problems(400, 401, 403, 422) } } },
    async (request) => {
      const v = await viewer(request.principal);
      const { status, limit, offset, ...rest } = request.query;
      return listFor(ctx, v, { ...rest, status: parseStatuses(status), limit: limit ?? 20, offset: offset ?? 0 }, request.ip);
    },
  );

  r.get(
    '/kemiskinan/complaints/:trackingNumber',
    { schema: { tags, summary: 'One complaint with its household and timeline, as the caller may see it (every view is audited)', params: TrackingParams, response: { 200: DetailSchema, ...problems(401, 404) } } },
    async (request) => complaintDetail(ctx, await viewer(request.principal), request.params.trackingNumber, request.ip),
  );

  r.get(
    '/kemiskinan/complaints/:trackingNumber/photos/:photoId',
    {
      schema: {
        tags,
        summary: 'A photo of a complaint or visit',
        params: Type.Object({ ...TrackingParams.properties, photoId: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...problems(401, 404) },
      },
    },
    async (request, reply) => {
      const photo = await complaintPhoto(ctx, await viewer(request.principal), request.params.trackingNumber, request.params.photoId, request.ip);
      return reply.type(photo.mime).header('Cache-Control', 'private, no-store').send(photo.data);
    },
  );

  for (const [action, def] of Object.entries(ACTION_ROUTES) as [ComplaintAction, (typeof ACTION_ROUTES)[keyof typeof ACTION_ROUTES]][]) {
    r.post(
      `/kemiskinan/complaints/:trackingNumber/${def.path}`,
      {
        schema: { tags, summary: def.summary, params: TrackingParams, headers: IdempotencyHeaders, body: Type.Object(def.body), response: { 200: DetailSchema, ...problems(400, 401, 403, 404, 409, 422) } },
      },
      async (request) => {
        const v = await viewer(request.principal);
        const { trackingNumber } = request.params;
        await idempotent(ctx.db, `user:${v.userId}`, request.headers['idempotency-key'], { trackingNumber, action, body: request.body }, async (tx) => {
          await act(ctx, tx, v, trackingNumber, action, request.body as ActionInput);
          return { status: 200, body: {} };
        });
        return complaintDetail(ctx, v, trackingNumber, request.ip);
      },
    );
  }

  r.get(
    '/kemiskinan/households/:id',
    { schema: { tags, summary: 'A household with its members and complaints (Dinas Sosial, its kelurahan operator, its volunteer)', params: IdParams, response: { 200: HouseholdDetailSchema, ...problems(401, 404) } } },
    async (request) => householdDetail(ctx, await viewer(request.principal), request.params.id, request.ip),
  );

  r.get(
    '/kemiskinan/visits',
    { schema: { tags, summary: 'Volunteer: my visit assignments (done=true for the ones recorded)', querystring: Type.Object({ done: Type.Optional(Type.Boolean()) }), response: { 200: Type.Array(VisitSchema), ...problems(401, 403) } } },
    async (request) => myVisits(ctx, await viewer(request.principal), request.query.done ?? false),
  );

  r.post(
    '/kemiskinan/visits/:id/record',
    {
      schema: {
        tags,
        summary: 'Volunteer: record the home visit (checklist, photos, GPS point, recommendation). Made offline and sent later: always send an Idempotency-Key.',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: VisitRecordSchema,
        response: { 200: DetailSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const v = await viewer(request.principal);
      const tn = await complaintOfVisit(ctx, request.params.id);
      const { photoIds, ...visit } = request.body;
      await idempotent(ctx.db, `user:${v.userId}`, request.headers['idempotency-key'], { visitId: request.params.id, body: request.body }, async (tx) => {
        await act(ctx, tx, v, tn, 'record_visit', { visitId: request.params.id, visit, photoIds });
        return { status: 200, body: {} };
      });
      return complaintDetail(ctx, v, tn, request.ip);
    },
  );

  r.get(
    '/kemiskinan/referrals',
    { schema: { tags, summary: 'OPD staff: referrals from Dinas Sosial to my OPD (open=false for all)', querystring: Type.Object({ open: Type.Optional(Type.Boolean()) }), response: { 200: Type.Array(ReferralSchema), ...problems(401, 403) } } },
    async (request) => opdReferrals(ctx, await viewer(request.principal), request.query.open ?? true),
  );

  r.post(
    '/kemiskinan/referrals/:id/respond',
    {
      schema: { tags, summary: 'OPD staff: answer a referral (the citizen reads the answer)', params: IdParams, headers: IdempotencyHeaders, body: Type.Object({ message: Type.String({ minLength: 1, maxLength: 4000 }) }), response: { 200: ReferralSchema, ...problems(401, 403, 404, 409, 422) } },
    },
    async (request) => {
      const v = await viewer(request.principal);
      const ref = await referralToOpd(ctx, v, request.params.id);
      await idempotent(ctx.db, `user:${v.userId}`, request.headers['idempotency-key'], { referral: request.params.id, body: request.body }, async (tx) => {
        await act(ctx, tx, v, ref.tn, 'referral_done', { referralId: request.params.id, message: request.body.message });
        return { status: 200, body: {} };
      });
      return (await opdReferrals(ctx, v, false)).find((x) => x.id === request.params.id)!;
    },
  );

  r.get(
    '/kemiskinan/musyawarah',
    { schema: { tags, summary: 'Kelurahan operator (or Dinas Sosial with ?kelurahan=): unregistered households for the deliberation', querystring: Type.Object({ kelurahan: Type.Optional(Type.String({ maxLength: 20 })) }), response: { 200: MusyawarahSchema, ...problems(401, 403, 422) } } },
    async (request) => musyawarahOverview(ctx, await viewer(request.principal), request.query.kelurahan),
  );

  r.post(
    '/kemiskinan/musyawarah',
    { schema: { tags, summary: 'Kelurahan operator: record a deliberation and its decision on each household', headers: IdempotencyHeaders, body: DeliberationInputSchema, response: { 201: Type.Object({ id: Type.Integer() }), ...problems(400, 401, 403, 409, 422) } } },
    async (request, reply) => {
      const v = await viewer(request.principal);
      const result = await idempotent(ctx.db, `user:${v.userId}`, request.headers['idempotency-key'], request.body, async (tx) => ({ status: 201, body: await recordDeliberation(ctx, tx, v, request.body) }));
      return reply.status(201).send(result.body);
    },
  );

  r.get(
    '/kemiskinan/musyawarah/:id/export',
    {
      schema: {
        tags,
        summary: 'The proposal list of one deliberation as CSV or PDF (full NIK/KK for the register; audited, names the exporter)',
        params: IdParams,
        querystring: Type.Object({ format: Type.Enum(['csv', 'pdf'] as const) }),
        response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await exportDeliberation(ctx, await viewer(request.principal), request.params.id, request.query.format, request.ip);
      return reply.type(file.mime).headers(download(file.fileName)).send(file.data);
    },
  );

  r.get(
    '/kemiskinan/figures',
    { schema: { tags, summary: 'Complaints received and handled, share, by need, kelurahan and register status, average days to handle', querystring: FiguresQuery, response: { 200: FiguresSchema, ...problems(401, 403, 422) } } },
    async (request) => figuresFor(ctx, requireUser(request.principal), request.query.year, request.query.month),
  );

  r.get(
    '/kemiskinan/figures/monthly-report',
    {
      schema: { tags, summary: 'The printable monthly report (PDF) for the head of Dinas Sosial', querystring: Type.Object({ year: FiguresQuery.properties.year, month: Type.Integer({ minimum: 1, maximum: 12 }) }), response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...problems(401, 403, 422) } },
    },
    async (request, reply) => {
      const file = await monthlyReport(ctx, requireUser(request.principal), request.query.year, request.query.month, request.ip);
      return reply.type('application/pdf').headers(download(file.fileName)).send(file.data);
    },
  );

  r.get(
    '/kemiskinan/register',
    { schema: { tags, summary: 'The register in force and the latest imports', response: { 200: Type.Object({ period: Nullable(Type.String()), persons: Type.Integer(), imports: Type.Array(ImportSchema) }), ...problems(401, 403) } } },
    async (request) => registerOverview(ctx, requireUser(request.principal)),
  );

  r.post(
    '/kemiskinan/register/imports',
    {
      schema: {
        tags,
        summary: `Desk: upload the DTKS/DTSEN register CSV (multipart field "file"; columns nik,kk,nama,alamat,kelurahan,desil,program,periode). Queued and applied whole or not at all; poll GET …/imports/{id}.`,
        consumes: ['multipart/form-data'],
        querystring: Type.Object({ period: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM' }) }),
        response: { 202: ImportSchema, ...problems(400, 401, 403, 409, 413, 422) },
      },
    },
    async (request, reply) => {
      const p = requireRole(request.principal, ['dinsos_desk']);
      const part = request.isMultipart() ? await request.file({ limits: { fileSize: MAX_REGISTER_BYTES, files: 1 } }) : undefined;
      if (!part) throw new AppError(400, 'upload_missing', { id: 'Pilih berkas CSV untuk diunggah.', en: 'Choose a CSV file to upload.' }, { field: 'file' });
      const row = await queueImport(ctx, p, request.query.period, part.filename, part.file);
      return reply.status(202).send((await importStatus(ctx, p, row.id)));
    },
  );

  r.get(
    '/kemiskinan/register/imports/:id',
    { schema: { tags, summary: 'Progress and result of an import (polled by the page)', params: IdParams, response: { 200: ImportSchema, ...problems(401, 403, 404) } } },
    async (request) => importStatus(ctx, requireUser(request.principal), request.params.id),
  );

  r.get(
    '/kemiskinan/register/imports/:id/rejects',
    {
      schema: {
        tags,
        summary: 'Every rejected row of an import: line number and reason',
        params: IdParams,
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })), offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })) }),
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ line: Type.Integer(), code: Type.String(), field: Nullable(Type.String()), reason: Type.Object({ id: Type.String(), en: Type.String() }) })), hasMore: Type.Boolean() }), ...problems(401, 403, 404) },
      },
    },
    async (request) => importRejects(ctx, requireUser(request.principal), request.params.id, request.query.limit ?? 100, request.query.offset ?? 0),
  );
}
