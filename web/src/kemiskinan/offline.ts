/**
 * Visit records made without a connection wait in IndexedDB (photos as blobs) and are sent when
 * the connection returns, on the `online` event and on app start. Each record keeps one
 * Idempotency-Key for its whole life, so a resend never records the visit twice; photos go first
 * and their upload ids are written back, so a retry does not upload them again.
 */
import { api, ApiError, errorMessage, OfflineError } from '../lib/api';
import type { Message } from '../lib/i18n';
import { outboxStore, uploadPhotos, type QueuedPhoto } from '../lib/outbox-store';

export interface QueuedVisit {
  /** Also the Idempotency-Key. */
  key: string;
  visitId: number;
  body: Record<string, unknown>;
  photos: QueuedPhoto[];
  /** 'failed': the server refused it; the volunteer sees why and may discard it. */
  state: 'waiting' | 'failed';
  error?: Message;
}

export const VISITS_CHANGED = 'khidmat-visits-changed';

const store = outboxStore<QueuedVisit>({ name: 'khidmat-kemiskinan', store: 'visits', keyPath: 'key', changed: VISITS_CHANGED });
export const queuedVisits = store.all;
export const remove = store.remove;

async function send(v: QueuedVisit): Promise<void> {
  const photoIds = await uploadPhotos(v.photos, 'kunjungan.jpg', () => store.put(v));
  await api('POST', `/kemiskinan/visits/${v.visitId}/record`, { body: { ...v.body, ...(photoIds.length ? { photoIds } : {}) }, headers: { 'Idempotency-Key': v.key } });
  await remove(v.key);
}

const retryable = (err: unknown) => err instanceof OfflineError || (err instanceof ApiError && (err.status >= 500 || err.status === 429 || err.status === 401));

/** Queue first, then try at once. Returns true when sent; a refusal to fix is thrown (and dequeued). */
export async function submitVisit(v: Omit<QueuedVisit, 'state'>): Promise<boolean> {
  const item: QueuedVisit = { ...v, state: 'waiting' };
  await store.put(item);
  try {
    await send(item);
    return true;
  } catch (err) {
    if (retryable(err)) return false;
    await remove(item.key);
    throw err;
  }
}

let flushing = false;
export async function flushVisits(): Promise<void> {
  if (flushing || !navigator.onLine) return;
  flushing = true;
  try {
    for (const v of await queuedVisits()) {
      if (v.state !== 'waiting') continue;
      try {
        await send(v);
      } catch (err) {
        if (retryable(err)) break;
        await store.put({ ...v, state: 'failed', error: errorMessage(err) });
      }
    }
  } finally {
    flushing = false;
  }
}

export function startVisitSync(): void {
  window.addEventListener('online', () => void flushVisits());
  if ('indexedDB' in window) void flushVisits().catch(() => undefined);
}
