/**
 * The IndexedDB side of an offline outbox (citizen reports, PPID requests, kemiskinan visit records): one object
 * store per outbox, a window event after every write so open pages refresh their list, and the
 * photo uploads that go before the submission itself. How and when an outbox retries stays with
 * its area, because the rules differ (the citizen's queue is per account and waits for a login).
 */
import { useEffect, useState } from 'react';
import { api, ApiError, errorMessage, OfflineError } from './api';
import type { Message } from './i18n';

/** Worth trying again later: no network, server trouble, a rate limit, or a session to renew. */
export const retryable = (err: unknown): boolean =>
  err instanceof OfflineError || (err instanceof ApiError && (err.status >= 500 || err.status === 429 || err.status === 408 || err.status === 401));

/** The logged-in account as lib/session.tsx remembers it (also offline); null when logged out. */
export function currentUserId(): string | null {
  try {
    return (JSON.parse(localStorage.getItem('khidmat.me') ?? 'null') as { id: string } | null)?.id ?? null;
  } catch {
    return null;
  }
}

/** A starter to call once at app start: `sync` now, and whenever the connection comes back. */
export function syncWhenOnline(sync: () => Promise<void>): () => void {
  let started = false;
  return () => {
    if (started || typeof indexedDB === 'undefined') return;
    started = true;
    window.addEventListener('online', () => void sync().catch(() => undefined));
    if (navigator.onLine) void sync().catch(() => undefined);
  };
}

/** What `read` gives, read again whenever the outbox announces a change (`changed`, its window event). */
export function useOutboxState<S>(changed: string, read: () => Promise<S>, initial: S): S {
  const [state, setState] = useState<S>(initial);
  useEffect(() => {
    let live = true;
    const load = () => void read().then((s) => live && setState(s), () => undefined);
    load();
    window.addEventListener(changed, load);
    return () => {
      live = false;
      window.removeEventListener(changed, load);
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return state;
}

/**
 * A queue that runs one send at a time in this tab, so a sync and a fresh submission never send the
 * same item twice at once; across tabs the Idempotency-Key keeps a filing single.
 */
export function serialQueue(): <T>(run: () => Promise<T>) => Promise<T> {
  let chain: Promise<unknown> = Promise.resolve();
  return (run) => {
    const next = chain.then(run, run);
    chain = next.catch(() => undefined);
    return next;
  };
}

/** What an outbox of filings keeps per item: whose it is, and whether the server refused it. */
export interface QueuedFiling {
  userId: string | null;
  /** 'failed': the server refused it; the person sees why and may discard it. */
  state: 'waiting' | 'failed';
  error?: Message;
}

/**
 * Sends what waits for the current session, in order; stops at the first sign the network is not
 * there, and keeps what the server refused as failed, with its reason, for the person to see.
 */
export async function sendWaiting<T extends QueuedFiling>(store: { all(): Promise<T[]>; put(item: T): Promise<void> }, send: (item: T) => Promise<unknown>): Promise<void> {
  const me = currentUserId();
  for (const item of await store.all()) {
    if (item.state !== 'waiting' || item.userId !== me) continue;
    try {
      await send(item);
    } catch (err) {
      if (retryable(err)) return;
      await store.put({ ...item, state: 'failed', error: errorMessage(err) });
    }
  }
}

export interface QueuedPhoto {
  blob: Blob;
  /** Set once uploaded, so a retry does not upload the photo again. */
  uploadId: string | null;
}

export function outboxStore<T>(db: { name: string; store: string; keyPath: string; changed: string }) {
  function open(): Promise<IDBDatabase> {
    return new Promise((resolve, reject) => {
      const req = indexedDB.open(db.name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(db.store, { keyPath: db.keyPath });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }

  async function tx<R>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<R>): Promise<R> {
    const conn = await open();
    return new Promise<R>((resolve, reject) => {
      const t = conn.transaction(db.store, mode);
      const req = run(t.objectStore(db.store));
      t.oncomplete = () => {
        conn.close();
        resolve(req.result);
      };
      t.onerror = () => reject(t.error);
    });
  }

  const changed = (): void => void window.dispatchEvent(new Event(db.changed));
  return {
    /** Tells open pages to re-read the outbox (also for state kept outside it). */
    changed,
    all: () => tx<T[]>('readonly', (s) => s.getAll() as IDBRequest<T[]>),
    get: (key: string) => tx<T | undefined>('readonly', (s) => s.get(key) as IDBRequest<T | undefined>),
    put: (item: T) => tx('readwrite', (s) => s.put(item)).then(changed),
    remove: (key: string) => tx('readwrite', (s) => s.delete(key)).then(changed),
  };
}

/** Uploads the photos not uploaded yet, saving the item after each so a retry resumes there. */
export async function uploadPhotos(photos: QueuedPhoto[], filename: string, save: () => Promise<void>): Promise<string[]> {
  for (const photo of photos) {
    if (photo.uploadId) continue;
    const form = new FormData();
    form.append('photo', photo.blob, filename);
    photo.uploadId = (await api<{ id: string }>('POST', '/uploads', { form })).id;
    await save();
  }
  return photos.map((p) => p.uploadId!);
}
