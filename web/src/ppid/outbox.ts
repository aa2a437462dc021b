/**
 * Information requests filed without a connection wait here (IndexedDB, the power of attorney as a
 * blob) and are sent when the connection returns: on the `online` event and on app start. Each
 * keeps one Idempotency-Key for its whole life, so a resend never files it twice; the power of
 * attorney follows through the request's secret link, and a retry after the filing only sends that.
 * What a sent request answered — its registration number and secret link, shown only once by the
 * server — is kept on this device for the person who filed it, until they remove it.
 */
import { api } from '../lib/api';
import { currentUserId, outboxStore, retryable, sendWaiting, serialQueue, syncWhenOnline, useOutboxState, type QueuedFiling } from '../lib/outbox-store';
import type { Filed, RequestDraft } from './types';

export interface QueuedRequest extends QueuedFiling {
  /** Also the Idempotency-Key. */
  id: string;
  /** Whose it is (null: filed without an account): on a shared phone, never sent under another's session. */
  userId: string | null;
  createdAt: string;
  draft: RequestDraft;
  /** The power of attorney (a PDF or a photo), sent after the filing through its secret link. */
  powerOfAttorney: Blob | null;
  /** The filing's answer, once it came: what is left to send is the power of attorney. */
  filed?: Filed;
}

/** What the server answered for a request sent from this device. */
export interface SentRequest {
  id: string;
  userId: string | null;
  registrationNumber: string;
  secretLink: string;
  receiptUrl: string;
  verifyDueAt: string;
  answerDueAt: string;
  at: string;
  /** The power of attorney could not be sent (refused): the person uploads it on the request's page. */
  powerOfAttorneyFailed?: boolean;
}

const CHANGED = 'khidmat-ppid-outbox-changed';
const SENT_KEY = 'khidmat.ppid.sent';
const store = outboxStore<QueuedRequest>({ name: 'khidmat-ppid', store: 'requests', keyPath: 'id', changed: CHANGED });


function sentLog(): SentRequest[] {
  try {
    return JSON.parse(localStorage.getItem(SENT_KEY) ?? '[]') as SentRequest[];
  } catch {
    return [];
  }
}
function writeSent(list: SentRequest[]): void {
  localStorage.setItem(SENT_KEY, JSON.stringify(list.slice(0, 10)));
  store.changed();
}

/** Removes a sent request's number and secret link from this device. */
export function forgetSent(id: string): void {
  writeSent(sentLog().filter((s) => s.id !== id));
}
export const discardQueued = store.remove;

/** Sends the power of attorney; false when the server refused it (the request stands without it). */
async function sendPowerOfAttorney(filed: Filed, blob: Blob): Promise<boolean> {
  const form = new FormData();
  form.append('file', blob, blob.type === 'application/pdf' ? 'surat-kuasa.pdf' : 'surat-kuasa.jpg');
  const kunci = new URL(filed.secretLink, location.origin).searchParams.get('kunci') ?? '';
  try {
    await api('POST', `/ppid/requests/${filed.registrationNumber}/power-of-attorney?kunci=${encodeURIComponent(kunci)}`, { form });
    return true;
  } catch (err) {
    if (retryable(err)) throw err;
    return false;
  }
}

async function send(item: QueuedRequest): Promise<SentRequest> {
  if (!item.filed) {
    item.filed = await api<Filed>('POST', '/ppid/requests', { body: item.draft, headers: { 'Idempotency-Key': item.id } });
    await store.put(item);
  }
  const filed = item.filed;
  const powerOfAttorneyFailed = item.powerOfAttorney ? !(await sendPowerOfAttorney(filed, item.powerOfAttorney)) : false;
  const sent: SentRequest = {
    id: item.id,
    userId: item.userId,
    registrationNumber: filed.registrationNumber,
    secretLink: filed.secretLink,
    receiptUrl: filed.receiptUrl,
    verifyDueAt: filed.verifyDueAt,
    answerDueAt: filed.answerDueAt,
    at: new Date().toISOString(),
    ...(powerOfAttorneyFailed ? { powerOfAttorneyFailed } : {}),
  };
  writeSent([sent, ...sentLog().filter((s) => s.id !== item.id)]);
  await store.remove(item.id);
  return sent;
}


const serial = serialQueue();

export type SubmitResult = { sent: true; result: SentRequest } | { sent: false };

/**
 * Queue first, then try at once: the same path online and offline. A refusal the person can fix
 * (a field error) is thrown and the draft leaves the queue, so the form shows it beside the field.
 */
export async function submitRequest(draft: RequestDraft, powerOfAttorney: Blob | null): Promise<SubmitResult> {
  const item: QueuedRequest = {
    id: crypto.randomUUID(),
    userId: currentUserId(),
    createdAt: new Date().toISOString(),
    draft,
    powerOfAttorney,
    state: 'waiting',
  };
  await store.put(item);
  if (!navigator.onLine) return { sent: false };
  return serial(async () => {
    const current = await store.get(item.id);
    const done = sentLog().find((s) => s.id === item.id);
    if (!current) return done ? { sent: true as const, result: done } : { sent: false as const };
    try {
      return { sent: true as const, result: await send(current) };
    } catch (err) {
      if (retryable(err)) return { sent: false as const };
      await store.remove(item.id);
      throw err;
    }
  });
}

/** Sends what waits for the current session; stops at the first sign the network is not there. */
export const syncRequests = (): Promise<void> => serial(() => sendWaiting(store, send));

export const startRequestSync = syncWhenOnline(syncRequests);

const mine = <T extends { userId: string | null }>(list: T[]) => list.filter((x) => x.userId === currentUserId());

/** What waits and what was sent from this device, for the current session, kept current. */
export function useRequestOutbox(): { waiting: QueuedRequest[]; sent: SentRequest[] } {
  return useOutboxState(CHANGED, async () => ({ waiting: mine(await store.all()), sent: mine(sentLog()) }), { waiting: [], sent: mine(sentLog()) });
}
