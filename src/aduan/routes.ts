import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import { requireRole, requireUser, type Principal } from '../core/auth/principal.js';
import { AppError, invalid } from '../core/errors.js';
import { idempotent } from '../core/idempotency/idempotency.js';
import { problems } from '../core/http/schemas.js';
import { perAccountPerMinute } from '../core/http/rate-limit.js';
import { ACTION_ROUTES, AssistedFiledSchema, AssistedInputSchema, DetailSchema, ListQuerySchema, ListSchema, ReportInputSchema, TrackingParams } from './api-schemas.js';
import { ASSISTING_ROLES, fileAssisted } from './assisted.js';
import { act, type ActionInput } from './actions.js';
import { submitReport } from './intake.js';
import { fileReport } from './intake-desk.js';
import { REPORT_STATUSES, type ReportAction, type ReportStatus } from './lifecycle.js';
import { listForStaff, listMine, listPublic, reportDetail, reportPhoto, type ListQuery } from './reads.js';

type RawList = { [K in keyof typeof ListQuerySchema.properties]?: unknown } & { limit?: number; offset?: number };

/** Query strings carry lists as comma-separated text; parse them here so services get typed values. */
function parseList(raw: RawList): ListQuery {
  const statuses = raw.status ? String(raw.status).split(',').map((s) => s.trim()) : undefined;
  const bad = statuses?.find((s) => !REPORT_STATUSES.includes(s as ReportStatus));
  if (bad !== undefined) throw invalid('unknown_status', `Status tidak dikenal: ${bad}.`, `Unknown status: ${bad}.`, 'status');
  let bbox: ListQuery['bbox'];
  if (raw.bbox) {
    const n = String(raw.bbox).split(',').map(Number);
    if (n.length !== 4 || n.some((x) => !Number.isFinite(x)) || n[0]! > n[2]! || n[1]! > n[3]!) {
      throw invalid('bbox_format', 'bbox harus minLng,minLat,maxLng,maxLat.', 'bbox must be minLng,minLat,maxLng,maxLat.', 'bbox');
    }
    bbox = n as [number, number, number, number];
  }
  const str = (v: unknown) => (v === undefined ? undefined : String(v));
  return {
    status: statuses as ReportStatus[] | undefined,
    category: str(raw.category),
    kelurahan: str(raw.kelurahan),
    kecamatan: str(raw.kecamatan),
    from: str(raw.from),
    to: str(raw.to),
    q: str(raw.q),
    bbox,
    opd: str(raw.opd),
    overdue: raw.overdue as boolean | undefined,
    active: raw.active as boolean | undefined,
    limit: raw.limit ?? 20,
    offset: raw.offset ?? 0,
  };
}

/**
 * Runs a command on a report once per idempotency key and answers with the report as the caller
 * now sees it: read inside the command's own transaction (one BEGIN/COMMIT less per command), or
 * afresh after a replay — and after a command that ended the caller's view, which then answers 404
 * once committed rather than being undone. A reused key is checked against `fingerprint`.
 */
async function commandWithDetail(
  ctx: AppContext,
  p: Principal,
  request: FastifyRequest,
  opts: { status: number; fingerprint: unknown },
  command: (tx: Db) => Promise<string>,
) {
  let detail: Awaited<ReturnType<typeof reportDetail>> | undefined;
  const key = request.headers['idempotency-key'] as string | undefined;
  const result = await idempotent(ctx.db, `user:${p.userId}`, key, opts.fingerprint, async (tx) => {
    const trackingNumber = await command(tx);
    // Only "not found" is expected here (the command ended the caller's view); any other error
    // must fail the command, since the transaction it happened in can no longer commit.
    detail = await reportDetail(ctx, p, trackingNumber, request.ip, tx).catch((err: unknown) => {
      if (err instanceof AppError && err.status === 404) return undefined;
      throw err;
    });
    return { status: opts.status, body: { trackingNumber } };
  });
  return { replayed: result.replayed, detail: detail && !result.replayed ? detail : await reportDetail(ctx, p, result.body.trackingNumber, request.ip) };
}

export async function aduanRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['aduan'];

  r.post(
    '/reports',
    {
      config: perAccountPerMinute(ctx.config.submitRateLimitPerMinute),
      schema: {
        tags,
        summary: 'File a report (citizen). Send an Idempotency-Key header so a retry never files twice.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) }),
        body: ReportInputSchema,
        response: { 201: DetailSchema, ...problems(400, 401, 403, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const p = requireRole(request.principal, ['citizen']);
      const filed = await fileReport(ctx, p, request.body, request.headers['idempotency-key']);
      if (filed) return reply.status(201).send(filed);
      // The key was used before: its stored answer, or a refusal when it was for another request.
      const { replayed, detail } = await commandWithDetail(ctx, p, request, { status: 201, fingerprint: request.body }, async (tx) =>
        (await submitReport(ctx, tx, { kind: 'citizen', principal: p }, request.body)).trackingNumber,
      );
      if (replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.status(201).send(detail);
    },
  );

  r.post(
    '/reports/assisted',
    {
      config: perAccountPerMinute(ctx.config.submitRateLimitPerMinute),
      schema: {
        tags,
        summary: "File a report on a resident's behalf (assisted intake by an officer or volunteer): recorded as assisted, the resident (their account, or the number / email given) receives the notices. Send an Idempotency-Key.",
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) }),
        body: AssistedInputSchema,
        response: { 201: AssistedFiledSchema, ...problems(400, 401, 403, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const p = requireRole(request.principal, ASSISTING_ROLES);
      const result = await idempotent(ctx.db, `user:${p.userId}`, request.headers['idempotency-key'], request.body, async (tx) => ({
        status: 201,
        body: await fileAssisted(ctx, tx, p, request.body),
      }));
      if (result.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.status(201).send(result.body);
    },
  );

  r.get(
    '/reports/public',
    {
      schema: { tags, summary: 'Public reports (verified, not confidential; reporter hidden), with filters, full-text search and bbox', security: [], querystring: ListQuerySchema, response: { 200: ListSchema, ...problems(400, 422) } },
    },
    async (request) => listPublic(ctx, parseList(request.query)),
  );

  r.get(
    '/reports/mine',
    { schema: { tags, summary: 'My reports and those I follow', querystring: ListQuerySchema, response: { 200: ListSchema, ...problems(400, 401, 422) } } },
    async (request) => listMine(ctx, requireUser(request.principal), parseList(request.query)),
  );

  r.get(
    '/reports',
    {
      schema: {
        tags,
        summary: 'Staff work list: triage and citywide roles see all, OPD staff only their OPD\'s dispositions',
        querystring: ListQuerySchema,
        response: { 200: ListSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (request) => listForStaff(ctx, requireUser(request.principal), parseList(request.query)),
  );

  r.get(
    '/reports/:trackingNumber',
    { schema: { tags, summary: 'One report as the caller may see it, with its timeline', params: TrackingParams, response: { 200: DetailSchema, ...problems(404) } } },
    async (request) => reportDetail(ctx, request.principal, request.params.trackingNumber, request.ip),
  );

  r.get(
    '/reports/:trackingNumber/photos/:photoId',
    {
      schema: {
        tags,
        summary: 'A photo of a report (re-encoded, metadata stripped)',
        params: Type.Object({ ...TrackingParams.properties, photoId: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...problems(404) },
      },
    },
    async (request, reply) => {
      const photo = await reportPhoto(ctx, request.principal, request.params.trackingNumber, request.params.photoId);
      return reply.type(photo.mime).header('Cache-Control', 'private, max-age=86400').send(photo.data);
    },
  );

  for (const [action, def] of Object.entries(ACTION_ROUTES) as [Exclude<ReportAction, 'auto_close'>, (typeof ACTION_ROUTES)[keyof typeof ACTION_ROUTES]][]) {
    r.post(
      `/reports/:trackingNumber/${def.path}`,
      {
        schema: {
          tags,
          summary: def.summary,
          params: TrackingParams,
          headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) }),
          body: Type.Object(def.body),
          response: { 200: DetailSchema, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        const p = requireUser(request.principal);
        const { trackingNumber } = request.params;
        const fingerprint = { trackingNumber, action, body: request.body };
        const { detail } = await commandWithDetail(ctx, p, request, { status: 200, fingerprint }, async (tx) => {
          await act(ctx, tx, p, trackingNumber, action, request.body as ActionInput);
          return trackingNumber;
        });
        return detail;
      },
    );
  }
}
