/**
 * Reports composed without a connection wait here (IndexedDB, photos as blobs) and are sent when
 * the connection returns: on the `online` event and on app start. Each queued report carries one
 * Idempotency-Key for its whole life, so however often it is retried (two tabs, a reload halfway,
 * an answer lost on the way back) the server files it once. Photos go first; their upload ids are
 * written back so a retry does not upload them again.
 */
import { api, ApiError } from '../lib/api';
import type { Message } from '../lib/i18n';
import { currentUserId, outboxStore, retryable, syncWhenOnline, uploadPhotos, useOutboxState, type QueuedPhoto } from '../lib/outbox-store';
import type { ReportDetail } from './types';

export interface ReportDraft {
  class: string;
  categoryCode: string;
  title: string;
  description: string;
  incidentDate?: string;
  lat: number;
  lng: number;
  kelurahanCode?: string;
  address?: string;
  anonymous: boolean;
  confidential: boolean;
}

export interface QueuedReport {
  /** Also the Idempotency-Key of the submission. */
  id: string;
  /** Whose report it is: on a shared phone, one person's queue is never sent as another's. */
  userId: string;
  createdAt: string;
  draft: ReportDraft;
  photos: QueuedPhoto[];
  /** 'failed': the server refused it (e.g. a rule changed); the citizen decides what to do. */
  state: 'waiting' | 'failed';
  error?: Message;
}

const CHANGED = 'khidmat-outbox-changed';
const SENT_KEY = 'khidmat.outbox.sent';


const store = outboxStore<QueuedReport>({ name: 'khidmat', store: 'outbox', keyPath: 'id', changed: CHANGED });
export const listQueued = store.all;
export const removeQueued = store.remove;

/** Tracking numbers of reports the outbox delivered, newest first, keyed by queue id. */
interface Sent {
  id: string;
  userId: string;
  trackingNumber: string;
  at: string;
}
function sentLog(): Sent[] {
  try {
    return JSON.parse(localStorage.getItem(SENT_KEY) ?? '[]') as Sent[];
  } catch {
    return [];
  }
}
function logSent(item: QueuedReport, trackingNumber: string): void {
  const entry: Sent = { id: item.id, userId: item.userId, trackingNumber, at: new Date().toISOString() };
  localStorage.setItem(SENT_KEY, JSON.stringify([entry, ...sentLog().filter((s) => s.id !== item.id)].slice(0, 10)));
}

/** One sender at a time across tabs (Web Locks), so photos are not uploaded twice. */
function exclusive<T>(run: () => Promise<T>): Promise<T> {
  if (navigator.locks) return navigator.locks.request('khidmat-outbox', run) as unknown as Promise<T>;
  const next = chain.then(run, run);
  chain = next.catch(() => undefined);
  return next;
}
let chain: Promise<unknown> = Promise.resolve();

async function send(item: QueuedReport): Promise<ReportDetail> {
  const photoIds = await uploadPhotos(item.photos, 'foto.jpg', () => store.put(item));
  const report = await api<ReportDetail>('POST', '/reports', {
    body: { ...item.draft, ...(photoIds.length ? { photoIds } : {}) },
    headers: { 'Idempotency-Key': item.id },
  });
  logSent(item, report.trackingNumber);
  await removeQueued(item.id);
  return report;
}

/** Set when the server refused the session: the queue waits for the citizen to log in again. */
let needsLogin = false;
function noteOutcome(err: unknown): void {
  const was = needsLogin;
  needsLogin = err instanceof ApiError && err.status === 401;
  if (was !== needsLogin) store.changed();
}


export type SubmitResult = { sent: true; report: ReportDetail } | { sent: false; needsLogin: boolean };

/**
 * Queue first, then try at once: the same path whether online or not. A refusal the citizen can fix
 * (a field error) is thrown and the draft leaves the queue, so the form shows it next to the field.
 */
export async function submitReport(userId: string, draft: ReportDraft, photos: Blob[]): Promise<SubmitResult> {
  const item: QueuedReport = { id: crypto.randomUUID(), userId, createdAt: new Date().toISOString(), draft, photos: photos.map((blob) => ({ blob, uploadId: null })), state: 'waiting' };
  await store.put(item);
  if (!navigator.onLine) return { sent: false, needsLogin: false };
  return exclusive(async () => {
    const current = await store.get(item.id);
    if (!current) {
      const done = sentLog().find((s) => s.id === item.id);
      return done ? { sent: true as const, report: await api<ReportDetail>('GET', `/reports/${done.trackingNumber}`) } : { sent: false as const, needsLogin };
    }
    try {
      const report = await send(current);
      noteOutcome(null);
      return { sent: true as const, report };
    } catch (err) {
      noteOutcome(err);
      if (retryable(err)) return { sent: false as const, needsLogin };
      await removeQueued(item.id);
      throw err;
    }
  });
}

/** Sends everything waiting; stops at the first sign the network (or the session) is not there. */
export function syncOutbox(): Promise<void> {
  return exclusive(async () => {
    const me = currentUserId();
    for (const item of await listQueued()) {
      if (item.state !== 'waiting' || item.userId !== me) continue;
      try {
        await send(item);
        noteOutcome(null);
      } catch (err) {
        noteOutcome(err);
        if (retryable(err)) return;
        await store.put({ ...item, state: 'failed', error: err instanceof ApiError ? err.messages : { id: 'Gagal dikirim.', en: 'Could not be sent.' } });
      }
    }
  });
}

/** Called once at app start: send what waits now, and whenever the connection comes back. */
export const startOutboxSync = syncWhenOnline(syncOutbox);

const forMe = <T extends { userId: string }>(list: T[]) => list.filter((x) => x.userId === currentUserId());

/** What waits in the outbox and what it recently delivered for this account, kept current for the UI. */
export function useOutbox(): { items: QueuedReport[]; sent: Sent[]; needsLogin: boolean } {
  return useOutboxState(CHANGED, async () => ({ items: forMe(await listQueued()), sent: forMe(sentLog()), needsLogin }), { items: [], sent: forMe(sentLog()), needsLogin });
}
