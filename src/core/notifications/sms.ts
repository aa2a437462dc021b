/**
 * A generic HTTP SMS gateway: the configured URL with {to}, {text} and {ref} filled in (URL-encoded),
 * called with GET or POST and basic auth or a bearer token. Gateways answer in their own ways; any
 * 2xx is accepted, and a message id is read from a JSON answer's `id`, `message_id` or `messageId`.
 */
import type { SmsConfig } from '../../config.js';
import { sendError, type Messenger } from './messenger.js';

/** Three concatenated SMS: enough for a notice, short enough to cost little. */
export const SMS_MAX_CHARS = 459;

export function smsMessenger(config: SmsConfig): Messenger {
  const auth: Record<string, string> = config.token
    ? { authorization: `Bearer ${config.token}` }
    : config.username
      ? { authorization: `Basic ${Buffer.from(`${config.username}:${config.password ?? ''}`).toString('base64')}` }
      : {};
  return async (m) => {
    const fill = { to: m.to, text: m.text.slice(0, SMS_MAX_CHARS), ref: m.ref };
    const url = config.urlTemplate.replace(/\{(to|text|ref)\}/g, (_, k: keyof typeof fill) => encodeURIComponent(fill[k]));
    const res = await fetch(url, { method: config.method, headers: auth, signal: AbortSignal.timeout(20_000) });
    if (!res.ok) throw await sendError('SMS gateway', res);
    const body = (await res.json().catch(() => null)) as { id?: unknown; message_id?: unknown; messageId?: unknown } | null;
    const id = body?.id ?? body?.message_id ?? body?.messageId;
    return { providerMessageId: id === undefined || id === null ? null : String(id) };
  };
}
