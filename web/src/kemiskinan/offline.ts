/**
 * Visit records made without a connection wait in IndexedDB (photos as blobs) and are sent when
 * the connection returns, on the `online` event and on app start. Each record keeps one
 * Idempotency-Key for its whole life, so a resend never records the visit twice; photos go first
 * and their upload ids are written back, so a retry does not upload them again.
 */
import { api, ApiError, errorMessage, OfflineError } from '../lib/api';
import type { Message } from '../lib/i18n';

export interface QueuedVisit {
  /** Also the Idempotency-Key. */
  key: string;
  visitId: number;
  body: Record<string, unknown>;
  photos: { blob: Blob; uploadId: string | null }[];
  /** 'failed': the server refused it; the volunteer sees why and may discard it. */
  state: 'waiting' | 'failed';
  error?: Message;
}

const STORE = 'visits';
export const VISITS_CHANGED = 'khidmat-visits-changed';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('khidmat-kemiskinan', 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const t = db.transaction(STORE, mode);
    const req = fn(t.objectStore(STORE));
    t.oncomplete = () => {
      db.close();
      resolve(req.result);
    };
    t.onerror = () => reject(t.error);
  });
}

export const queuedVisits = () => run<QueuedVisit[]>('readonly', (s) => s.getAll() as IDBRequest<QueuedVisit[]>);
const put = (v: QueuedVisit) => run('readwrite', (s) => s.put(v)).then(() => window.dispatchEvent(new Event(VISITS_CHANGED)));
export const remove = (key: string) => run('readwrite', (s) => s.delete(key)).then(() => window.dispatchEvent(new Event(VISITS_CHANGED)));

async function send(v: QueuedVisit): Promise<void> {
  for (const p of v.photos) {
    if (p.uploadId) continue;
    const form = new FormData();
    form.append('photo', p.blob, 'kunjungan.jpg');
    p.uploadId = (await api<{ id: string }>('POST', '/uploads', { form })).id;
    await put(v);
  }
  const photoIds = v.photos.map((p) => p.uploadId!);
  await api('POST', `/kemiskinan/visits/${v.visitId}/record`, { body: { ...v.body, ...(photoIds.length ? { photoIds } : {}) }, headers: { 'Idempotency-Key': v.key } });
  await remove(v.key);
}

const retryable = (err: unknown) => err instanceof OfflineError || (err instanceof ApiError && (err.status >= 500 || err.status === 429 || err.status === 401));

/** Queue first, then try at once. Returns true when sent; a refusal to fix is thrown (and dequeued). */
export async function submitVisit(v: Omit<QueuedVisit, 'state'>): Promise<boolean> {
  const item: QueuedVisit = { ...v, state: 'waiting' };
  await put(item);
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
        await put({ ...v, state: 'failed', error: errorMessage(err) });
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
