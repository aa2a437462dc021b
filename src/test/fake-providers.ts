/**
 * A local server speaking the HTTP shapes of the WhatsApp Business Cloud API (POST /{version}/
 * {phone-number-id}/messages, GET /{version}/{media-id} → a download URL, the download itself, all
 * with the bearer token) and of a generic SMS gateway (GET /sms/send?to&text&ref), so the adapters
 * are exercised over real HTTP. Like the real API it can call the app's webhook back with the
 * signed status of each message it took, resending until the app answers 200.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import type { SmsConfig, WhatsAppConfig } from '../config.js';
import type { Harness } from './harness.js';

export interface SentWhatsApp {
  to: string;
  type: string;
  text?: string;
  template?: { name: string; language: string; params: string[] };
  ref: string;
  id: string;
}
export interface SentSms {
  to: string;
  text: string;
  ref: string;
  auth: string | undefined;
}

export const PHONE_NUMBER_ID = '106540352242922';
export const ACCESS_TOKEN = 'uji-token-akses';
export const APP_SECRET = 'uji-rahasia-aplikasi';
export const VERIFY_TOKEN = 'uji-token-verifikasi';
export const SMS_WEBHOOK_TOKEN = 'uji-token-sms';

export interface FakeProviders {
  base: string;
  whatsapp: SentWhatsApp[];
  sms: SentSms[];
  /** Photos residents "sent": media id → bytes. */
  media: Map<string, Buffer>;
  /** Numbers the Cloud API refuses (error 131026: not a WhatsApp user). */
  notOnWhatsApp: Set<string>;
  /** Numbers whose message the Cloud API takes but whose answer is lost (the connection drops). */
  answerLost: Set<string>;
  /** Numbers the Cloud API throttles once (error 131056, pair rate limit). */
  throttledOnce: Set<string>;
  /** Where to post statuses back (the app's webhook), once set. */
  statusWebhook: string | undefined;
  /** Holds each send until released, for a crash in the middle. */
  onSend: (() => Promise<void>) | undefined;
  whatsappConfig(): WhatsAppConfig;
  smsConfig(): SmsConfig;
  /** Statuses posted back and not yet accepted. */
  pendingCallbacks(): number;
  close(): Promise<void>;
}

export function signature(body: string, secret = APP_SECRET): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** A Cloud API webhook body around one `value`. */
export function waEnvelope(value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '6276531000', phone_number_id: PHONE_NUMBER_ID }, ...value } }] }],
  };
}

let serial = 0;
/** A resident's message as the Cloud API delivers it. */
export function waMessage(from: string, content: { text: string } | { imageId: string } | { lat: number; lng: number; name?: string }, profileName = 'Warga WA') {
  const id = `wamid.uji${++serial}${crypto.randomBytes(4).toString('hex')}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const body =
    'text' in content
      ? { type: 'text', text: { body: content.text } }
      : 'imageId' in content
        ? { type: 'image', image: { id: content.imageId, mime_type: 'image/jpeg', sha256: 'x' } }
        : { type: 'location', location: { latitude: content.lat, longitude: content.lng, ...(content.name ? { name: content.name } : {}) } };
  return waEnvelope({ contacts: [{ profile: { name: profileName }, wa_id: from }], messages: [{ from, id, timestamp, ...body }] });
}

const readBody = (req: http.IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => resolve(text));
  });

export async function fakeProviders(): Promise<FakeProviders> {
  let base = '';
  let pending = 0;
  /** Once closing, callbacks not yet accepted are given up. */
  let closing = false;
  const callbacks: Promise<void>[] = [];
  const fake: FakeProviders = {
    base: '',
    whatsapp: [],
    sms: [],
    media: new Map(),
    notOnWhatsApp: new Set(),
    answerLost: new Set(),
    throttledOnce: new Set(),
    statusWebhook: undefined,
    onSend: undefined,
    whatsappConfig: () => ({
      apiUrl: `${base}/v21.0`,
      phoneNumberId: PHONE_NUMBER_ID,
      accessToken: ACCESS_TOKEN,
      appSecret: APP_SECRET,
      verifyToken: VERIFY_TOKEN,
      templates: { status: 'status_laporan', notice: 'pemberitahuan' },
      templateLanguage: 'id',
      perMinute: 600,
    }),
    smsConfig: () => ({
      urlTemplate: `${base}/sms/send?to={to}&text={text}&ref={ref}`,
      method: 'GET',
      username: 'dumai',
      password: 'sandi-gateway',
      token: undefined,
      webhookToken: SMS_WEBHOOK_TOKEN,
      perMinute: 60,
    }),
    pendingCallbacks: () => pending,
    close: async () => {
      closing = true;
      await Promise.allSettled(callbacks);
      await new Promise<void>((r) => server.close(() => r()));
    },
  };

  /** Posts the status back like Meta does: signed, resent until accepted. */
  const callBack = (message: SentWhatsApp, status: string) => {
    const url = fake.statusWebhook;
    if (!url) return;
    pending++;
    const body = JSON.stringify(
      waEnvelope({
        statuses: [{ id: message.id, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: message.to, biz_opaque_callback_data: message.ref, ...(status === 'failed' ? { errors: [{ code: 131026, title: 'Message undeliverable' }] } : {}) }],
      }),
    );
    callbacks.push(
      (async () => {
        // Meta resends for days; ten minutes covers a server killed and started again.
        for (let i = 0; i < 6000 && !closing; i++) {
          const ok = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature(body) }, body }).then((r) => r.ok, () => false);
          if (ok) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        pending--;
      })(),
    );
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', base);
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const authorised = req.headers.authorization === `Bearer ${ACCESS_TOKEN}`;
    const messages = new RegExp(`^/v21\\.0/${PHONE_NUMBER_ID}/messages$`).exec(url.pathname);
    const mediaMeta = /^\/v21\.0\/([\w.-]+)$/.exec(url.pathname);
    const download = /^\/download\/([\w.-]+)$/.exec(url.pathname);
    if ((messages || mediaMeta || download) && !authorised) return json(401, { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } });
    if (req.method === 'POST' && messages) {
      const body = JSON.parse(await readBody(req)) as Record<string, any>;
      if (body.messaging_product !== 'whatsapp' || !body.to || !['text', 'template'].includes(body.type)) {
        return json(400, { error: { message: '(#100) Invalid parameter', type: 'OAuthException', code: 100 } });
      }
      if (fake.throttledOnce.delete(body.to)) {
        return json(400, { error: { message: '(#131056) (Business Account, Consumer Account) pair rate limit hit', type: 'OAuthException', code: 131056 } });
      }
      if (fake.notOnWhatsApp.has(body.to)) {
        return json(400, { error: { message: 'Message undeliverable', type: 'OAuthException', code: 131026 } });
      }
      await fake.onSend?.();
      const sent: SentWhatsApp = {
        to: body.to,
        type: body.type,
        ref: body.biz_opaque_callback_data,
        id: `wamid.${crypto.randomBytes(12).toString('hex')}`,
        ...(body.type === 'text' ? { text: body.text.body } : {}),
        ...(body.type === 'template'
          ? { template: { name: body.template.name, language: body.template.language.code, params: body.template.components[0].parameters.map((p: { text: string }) => p.text) } }
          : {}),
      };
      fake.whatsapp.push(sent);
      if (fake.answerLost.has(body.to)) {
        req.socket.destroy();
        return callBack(sent, 'sent');
      }
      json(200, { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: sent.id }] });
      return callBack(sent, 'sent');
    }
    if (req.method === 'GET' && mediaMeta) {
      const data = fake.media.get(mediaMeta[1]!);
      if (!data) return json(404, { error: { message: 'Unsupported get request.', type: 'GraphMethodException', code: 100 } });
      return json(200, {
        messaging_product: 'whatsapp',
        url: `${base}/download/${mediaMeta[1]}`,
        mime_type: 'image/jpeg',
        sha256: crypto.createHash('sha256').update(data).digest('hex'),
        file_size: data.length,
        id: mediaMeta[1],
      });
    }
    if (req.method === 'GET' && download) {
      const data = fake.media.get(download[1]!);
      if (!data) return json(404, {});
      return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(data);
    }
    if (url.pathname === '/sms/send') {
      fake.sms.push({ to: url.searchParams.get('to')!, text: url.searchParams.get('text')!, ref: url.searchParams.get('ref')!, auth: req.headers.authorization });
      return json(200, { status: 'queued', message_id: `sms-${fake.sms.length}` });
    }
    json(404, { error: 'no such path' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.base = base;
  return fake;
}

/** Posts a signed Cloud API webhook to the app. */
export async function postWhatsApp(baseUrl: string, payload: unknown, secret = APP_SECRET): Promise<Response> {
  const body = JSON.stringify(payload);
  return fetch(`${baseUrl}/api/v1/channels/whatsapp/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature(body, secret) }, body });
}

/**
 * For a suite whose app should send WhatsApp through the fake Cloud API: starts it before the suite,
 * points the app's config at it, and stops it after. Returns the fake (valid inside the tests).
 */
export function withFakeWhatsApp(h: () => Harness): () => FakeProviders {
  let fake: FakeProviders | undefined;
  beforeAll(async () => {
    fake = await fakeProviders();
    h().ctx.config.whatsapp = fake.whatsappConfig();
  });
  afterAll(async () => {
    h().ctx.config.whatsapp = undefined;
    await fake?.close();
  });
  return () => fake!;
}
