/**
 * The WhatsApp Business Cloud API: sending (POST /{phone-number-id}/messages — template messages for
 * notices, text for replies inside a conversation), fetching media (GET /{media-id} answers a
 * short-lived URL, fetched with the same token) and checking webhooks (X-Hub-Signature-256).
 */
import crypto from 'node:crypto';
import type { WhatsAppConfig } from '../../config.js';
import { AppError } from '../errors.js';
import { ProviderRefusal, sendError, type Messenger } from './messenger.js';

/** Cloud API error codes of throttling (80007 account, 130429 throughput, 131048 spam, 131056 pair rate): retried later, never given up as undeliverable. */
const RATE_LIMIT_CODES = [80007, 130429, 131048, 131056];

const tooLarge = (bytes: number, max: number) =>
  new AppError(413, 'file_too_large', { id: `Berkas terlalu besar (${bytes} bita, paling besar ${max}).`, en: `File too large (${bytes} bytes, at most ${max}).` }, { field: 'photo' });

/** A template parameter may hold no line breaks, tabs or more than four spaces in a row. */
const param = (text: string) => ({ type: 'text', text: text.replace(/\s+/g, ' ').trim().slice(0, 1000) || '-' });

export function whatsappMessenger(config: WhatsAppConfig): Messenger {
  return async (m) => {
    const content = m.template
      ? {
          type: 'template',
          template: { name: m.template.name, language: { code: m.template.language }, components: [{ type: 'body', parameters: m.template.params.map(param) }] },
        }
      : { type: 'text', text: { preview_url: false, body: m.text.slice(0, 4096) } };
    const res = await fetch(`${config.apiUrl}/${config.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${config.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to: m.to, ...content, biz_opaque_callback_data: m.ref }),
      signal: AbortSignal.timeout(20_000),
    });
    if (!res.ok) {
      const refusal = await sendError('WhatsApp', res);
      // Throttling comes as a 400 with its own code: it passes with time.
      throw RATE_LIMIT_CODES.some((code) => refusal.message.includes(`"code":${code}`)) ? new ProviderRefusal(refusal.message, false) : refusal;
    }
    const body = (await res.json()) as { messages?: { id?: string }[] };
    return { providerMessageId: body.messages?.[0]?.id ?? null };
  };
}

/** A received photo's bytes: its URL from the media endpoint, then the file itself (both with the token). */
export async function fetchWhatsAppMedia(config: WhatsAppConfig, mediaId: string, maxBytes: number): Promise<Buffer> {
  const auth = { authorization: `Bearer ${config.accessToken}` };
  const meta = await fetch(`${config.apiUrl}/${encodeURIComponent(mediaId)}`, { headers: auth, signal: AbortSignal.timeout(20_000) });
  if (!meta.ok) throw await sendError('WhatsApp media', meta);
  const { url, file_size: size } = (await meta.json()) as { url?: string; file_size?: number };
  if (!url) throw new Error('WhatsApp media: no url');
  if (size && size > maxBytes) throw tooLarge(size, maxBytes);
  const file = await fetch(url, { headers: auth, signal: AbortSignal.timeout(60_000) });
  if (!file.ok) throw await sendError('WhatsApp media download', file);
  const data = Buffer.from(await file.arrayBuffer());
  if (data.length > maxBytes) throw tooLarge(data.length, maxBytes);
  return data;
}

/** Whether `header` (sha256=<hex>) is the app secret's HMAC-SHA256 of the exact body received. */
export function validWhatsAppSignature(appSecret: string, body: Buffer, header: string | undefined): boolean {
  const given = /^sha256=([0-9a-f]{64})$/i.exec(header ?? '')?.[1];
  if (!given) return false;
  const expected = crypto.createHmac('sha256', appSecret).update(body).digest();
  return crypto.timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
