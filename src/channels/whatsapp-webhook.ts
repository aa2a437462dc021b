/**
 * The WhatsApp Cloud API's webhook payload (object "whatsapp_business_account", entry[].changes[]
 * with field "messages"): residents' messages (text, image, location; interactive replies read as
 * their title) and the statuses of messages the city sent. Anything else is ignored.
 */
import type { WhatsAppConfig } from '../config.js';
import { fetchWhatsAppMedia } from '../core/notifications/whatsapp.js';
import { outboxIdOf, type DeliveryStatus } from '../core/notifications/statuses.js';
import { MAX_UPLOAD_BYTES } from '../core/files/limits.js';
import type { Inbound } from './bot.js';

interface WaMessage {
  from?: string;
  id?: string;
  type?: string;
  text?: { body?: string };
  image?: { id?: string; caption?: string };
  location?: { latitude?: number; longitude?: number; name?: string; address?: string };
  button?: { text?: string };
  interactive?: { button_reply?: { title?: string }; list_reply?: { title?: string } };
}
interface WaStatus {
  id?: string;
  status?: string;
  timestamp?: string;
  recipient_id?: string;
  biz_opaque_callback_data?: string;
  errors?: { code?: number; title?: string }[];
}
interface WaValue {
  metadata?: { phone_number_id?: string };
  contacts?: { wa_id?: string; profile?: { name?: string } }[];
  messages?: WaMessage[];
  statuses?: WaStatus[];
}
export interface WaPayload {
  object?: string;
  entry?: { changes?: { field?: string; value?: WaValue }[] }[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** `now`: when a status carries no time of its own. */
export function readWhatsAppPayload(config: WhatsAppConfig, payload: WaPayload, now: Date): { inbound: Inbound[]; statuses: DeliveryStatus[] } {
  const inbound: Inbound[] = [];
  const statuses: DeliveryStatus[] = [];
  if (payload.object !== 'whatsapp_business_account' || !Array.isArray(payload.entry)) return { inbound, statuses };
  for (const change of payload.entry.flatMap((e) => (Array.isArray(e?.changes) ? e.changes : []))) {
    const value = change?.value;
    // Another number of the same business account is not ours to answer.
    if (change?.field !== 'messages' || !value || value.metadata?.phone_number_id !== config.phoneNumberId) continue;
    const names = new Map((value.contacts ?? []).map((c) => [c?.wa_id, str(c?.profile?.name)]));
    for (const m of Array.isArray(value.messages) ? value.messages : []) {
      const from = str(m?.from);
      const id = str(m?.id);
      if (!from || !/^\d{6,15}$/.test(from) || !id) continue;
      const base: Inbound = { id, channel: 'whatsapp', from, name: names.get(from) };
      const mediaId = str(m.image?.id);
      const lat = num(m.location?.latitude);
      const lng = num(m.location?.longitude);
      if (m.type === 'image' && mediaId) {
        inbound.push({ ...base, text: str(m.image?.caption), photo: () => fetchWhatsAppMedia(config, mediaId, MAX_UPLOAD_BYTES) });
      } else if (m.type === 'location' && lat !== undefined && lng !== undefined) {
        inbound.push({ ...base, location: { lat, lng, label: str(m.location?.name) ?? str(m.location?.address) } });
      } else {
        inbound.push({ ...base, text: str(m.text?.body) ?? str(m.button?.text) ?? str(m.interactive?.button_reply?.title) ?? str(m.interactive?.list_reply?.title) });
      }
    }
    for (const s of Array.isArray(value.statuses) ? value.statuses : []) {
      const status = str(s?.status);
      if (!status) continue;
      const seconds = Number(s.timestamp);
      statuses.push({
        outboxId: outboxIdOf(s.biz_opaque_callback_data),
        providerMessageId: str(s.id) ?? null,
        status,
        at: Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : now,
        error: s.errors?.length ? s.errors.map((e) => `${e?.code ?? ''} ${e?.title ?? ''}`.trim()).join('; ') : null,
        recipient: str(s.recipient_id) ?? null,
      });
    }
  }
  return { inbound, statuses };
}
