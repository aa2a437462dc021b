/**
 * The city's WhatsApp and SMS numbers: webhooks the providers call (signature- or token-checked
 * before anything is read) and the code an account holder sends from their phone to link it.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { requireUser } from '../core/auth/principal.js';
import { problems } from '../core/http/schemas.js';
import { validWhatsAppSignature } from '../core/notifications/whatsapp.js';
import { outboxIdOf, recordStatuses } from '../core/notifications/statuses.js';
import { handleInbound } from './bot.js';
import { readWhatsAppPayload, type WaPayload } from './whatsapp-webhook.js';
import { linkCode, LINK_WORD } from './link.js';

const notConfigured = (channel: string) =>
  new AppError(404, 'channel_not_configured', { id: `Layanan ${channel} belum diaktifkan.`, en: `${channel} is not set up.` });
const badSignature = () =>
  new AppError(401, 'bad_signature', { id: 'Tanda tangan webhook tidak sah.', en: 'The webhook signature is not valid.' }, { field: 'x-hub-signature-256' });
const badToken = (field: string) => new AppError(401, 'bad_webhook_token', { id: 'Token webhook tidak sah.', en: 'The webhook token is not valid.' }, { field });

/** The exact bytes received, for the signature: JSON is parsed only after it is checked. */
const rawBodies = new WeakMap<FastifyRequest, Buffer>();

const sameSecret = (a: string, b: string) => crypto.timingSafeEqual(crypto.createHash('sha256').update(a).digest(), crypto.createHash('sha256').update(b).digest());

const SmsInbound = Type.Object({
  from: Type.String({ minLength: 1, maxLength: 20 }),
  text: Type.String({ maxLength: 2000 }),
  id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});
const SmsStatus = Type.Object({
  ref: Type.Optional(Type.String({ maxLength: 100 })),
  id: Type.Optional(Type.String({ maxLength: 200 })),
  status: Type.String({ minLength: 1, maxLength: 50 }),
  error: Type.Optional(Type.String({ maxLength: 500 })),
});
const Ok = Type.Object({ ok: Type.Boolean() });

/** A gateway's delivery-report words, as WhatsApp's statuses name them. */
const smsStatus = (raw: string) => {
  const s = raw.trim().toLowerCase();
  if (['delivrd', 'delivered', 'success', 'sukses', 'terkirim'].includes(s)) return 'delivered';
  if (['undeliv', 'undelivered', 'failed', 'rejectd', 'rejected', 'expired', 'gagal'].includes(s)) return 'failed';
  return s;
};

export async function channelRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  // Gateways post forms or JSON; the JSON parser is replaced in this plugin only, to keep the raw bytes.
  await app.register(formbody);
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    rawBodies.set(request, body as Buffer);
    try {
      done(null, (body as Buffer).length ? JSON.parse((body as Buffer).toString('utf8')) : {});
    } catch {
      done(new AppError(400, 'invalid_json_body', { id: 'JSON tidak valid.', en: 'Malformed JSON.' }, { field: 'body' }));
    }
  });
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/channels/whatsapp/webhook',
    {
      schema: {
        tags: ['channels'],
        summary: "WhatsApp Cloud API: the webhook set-up's verification (hub.challenge answered when hub.verify_token matches WHATSAPP_VERIFY_TOKEN)",
        security: [],
        querystring: Type.Object({
          'hub.mode': Type.String({ maxLength: 50 }),
          'hub.verify_token': Type.String({ maxLength: 500 }),
          'hub.challenge': Type.String({ maxLength: 500 }),
        }),
        response: { 200: Type.String(), ...problems(401, 404) },
      },
    },
    async (request, reply) => {
      const wa = ctx.config.whatsapp;
      if (!wa) throw notConfigured('WhatsApp');
      const q = request.query;
      if (q['hub.mode'] !== 'subscribe' || !sameSecret(q['hub.verify_token'], wa.verifyToken)) throw badToken('hub.verify_token');
      return reply.type('text/plain').send(q['hub.challenge']);
    },
  );

  r.post(
    '/channels/whatsapp/webhook',
    {
      schema: {
        tags: ['channels'],
        summary: "WhatsApp Cloud API webhook: residents' messages (the filing dialogue, STATUS, BERHENTI) and delivery statuses; X-Hub-Signature-256 must be the app secret's HMAC of the body",
        security: [],
        response: { 200: Ok, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const wa = ctx.config.whatsapp;
      if (!wa) throw notConfigured('WhatsApp');
      const raw = rawBodies.get(request);
      const header = request.headers['x-hub-signature-256'];
      if (!raw || !validWhatsAppSignature(wa.appSecret, raw, typeof header === 'string' ? header : undefined)) throw badSignature();
      const { inbound, statuses } = readWhatsAppPayload(wa, request.body as WaPayload, ctx.clock());
      await recordStatuses(ctx, 'whatsapp', statuses);
      for (const m of inbound) await handleInbound(ctx, m);
      return { ok: true };
    },
  );

  const smsToken = (request: FastifyRequest) => {
    const sms = ctx.config.sms;
    if (!sms) throw notConfigured('SMS');
    const given = request.headers['x-webhook-token'];
    if (typeof given !== 'string' || !sameSecret(given, sms.webhookToken)) throw badToken('x-webhook-token');
  };

  r.post(
    '/channels/sms/inbound',
    {
      schema: {
        tags: ['channels'],
        summary: 'SMS gateway: an incoming SMS (from, text, the gateway\'s id), JSON or a form; X-Webhook-Token must be SMS_WEBHOOK_TOKEN',
        security: [],
        body: SmsInbound,
        response: { 200: Ok, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      smsToken(request);
      const from = request.body.from.replace(/^\+/, '').replace(/^0/, '62');
      if (!/^\d{6,15}$/.test(from)) throw new AppError(422, 'phone_format', { id: 'Nomor pengirim tidak valid.', en: 'Invalid sender number.' }, { field: 'from' });
      // A gateway that sends no id of its own cannot have its resends recognised: each post is a message.
      const id = request.body.id ?? crypto.randomUUID();
      await handleInbound(ctx, { id, channel: 'sms', from, text: request.body.text });
      return { ok: true };
    },
  );

  r.post(
    '/channels/sms/status',
    {
      schema: {
        tags: ['channels'],
        summary: "SMS gateway: a delivery report (ref = the {ref} sent, or the gateway's id; status); X-Webhook-Token must be SMS_WEBHOOK_TOKEN",
        security: [],
        body: SmsStatus,
        response: { 200: Ok, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      smsToken(request);
      const b = request.body;
      await recordStatuses(ctx, 'sms', [{ outboxId: outboxIdOf(b.ref), providerMessageId: b.id ?? null, status: smsStatus(b.status), at: ctx.clock(), error: b.error ?? null }]);
      return { ok: true };
    },
  );

  r.post(
    '/channels/link-code',
    {
      schema: {
        tags: ['channels'],
        summary: "A code to send from one's phone to the city's WhatsApp or SMS number: the number becomes the account's (notices go there) and reports filed from it join the account",
        response: { 200: Type.Object({ message: Type.String(), expiresAt: Type.String({ format: 'date-time' }) }), ...problems(401) },
      },
    },
    async (request) => {
      const p = requireUser(request.principal);
      const { code, expiresAt } = linkCode(ctx, p.userId);
      return { message: `${LINK_WORD} ${code}`, expiresAt: expiresAt.toISOString() };
    },
  );
}
