/**
 * The IndexedDB side of an offline outbox (citizen reports, kemiskinan visit records): one object
 * store per outbox, a window event after every write so open pages refresh their list, and the
 * photo uploads that go before the submission itself. How and when an outbox retries stays with
 * its area, because the rules differ (the citizen's queue is per account and waits for a login).
 */
import { api } from './api';

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
