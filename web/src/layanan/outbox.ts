/**
 * Applications filled in without a connection wait here (IndexedDB) and are sent once when it
 * returns: on the `online` event and on app start. Each keeps one Idempotency-Key for its life, so
 * a resend never files a second draft. What is sent is the draft with its answer; the requirements
 * are uploaded on the application's page, which needs the connection anyway.
 */
import { api } from '../lib/api';
import { currentUserId, outboxStore, retryable, sendWaiting, serialQueue, syncWhenOnline, useOutboxState, type QueuedFiling } from '../lib/outbox-store';
import type { ApplicationDetail } from './types';

export interface Filing {
  serviceCode: string;
  answers: Record<string, unknown>;
  applicant?: { fullName: string; nik: string; phone?: string; email?: string };
}

export interface QueuedApplication extends QueuedFiling {
  /** Also the Idempotency-Key. */
  id: string;
  /** Whose it is: on a shared phone, never sent under another's session. */
  userId: string | null;
  createdAt: string;
  filing: Filing;
}

const CHANGED = 'khidmat-layanan-outbox-changed';
const store = outboxStore<QueuedApplication>({ name: 'khidmat-layanan', store: 'applications', keyPath: 'id', changed: CHANGED });
export const discardQueued = store.remove;

const send = async (item: QueuedApplication) => {
  const filed = await api<ApplicationDetail>('POST', '/layanan/applications', { body: item.filing, headers: { 'Idempotency-Key': item.id } });
  await store.remove(item.id);
  return filed;
};

const serial = serialQueue();

/**
 * Queue first, then try at once: the same path online and offline. A refusal the person can fix
 * (a field error) is thrown and the filing leaves the queue, so the form shows it beside the field.
 */
export async function fileApplication(filing: Filing): Promise<ApplicationDetail | null> {
  const item: QueuedApplication = { id: crypto.randomUUID(), userId: currentUserId(), createdAt: new Date().toISOString(), filing, state: 'waiting' };
  await store.put(item);
  if (!navigator.onLine) return null;
  return serial(async () => {
    const current = await store.get(item.id);
    if (!current) return null;
    try {
      return await send(current);
    } catch (err) {
      if (retryable(err)) return null;
      await store.remove(item.id);
      throw err;
    }
  });
}

/** Sends what waits for the current session; stops at the first sign the network is not there. */
export const syncApplications = (): Promise<void> => serial(() => sendWaiting(store, send));

export const startApplicationSync = syncWhenOnline(syncApplications);

/** What waits on this device for the current session, kept current. */
export function useApplicationOutbox(): QueuedApplication[] {
  return useOutboxState(CHANGED, async () => (await store.all()).filter((x) => x.userId === currentUserId()), []);
}
