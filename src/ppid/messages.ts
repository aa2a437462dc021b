import type { Message } from '../core/errors.js';
import { caseStatusNotice } from '../core/workflow/status-notice.js';
import type { RequestStatus } from './lifecycle.js';
import type { DisputeOutcome, ObjectionStatus } from './objection-lifecycle.js';

export const STATUS_LABELS: Record<RequestStatus, Message> = {
  submitted: { id: 'Menunggu pemeriksaan kelengkapan', en: 'Awaiting completeness check' },
  clarification_needed: { id: 'Perlu penjelasan dari pemohon', en: 'Clarification needed from the requester' },
  in_progress: { id: 'Sedang diproses', en: 'Being processed' },
  successful: { id: 'Dikabulkan seluruhnya', en: 'Granted in full' },
  partially_successful: { id: 'Dikabulkan sebagian', en: 'Granted in part' },
  rejected: { id: 'Ditolak (informasi dikecualikan)', en: 'Refused (exempt information)' },
  not_held: { id: 'Informasi tidak dikuasai', en: 'Information not held' },
  withdrawn: { id: 'Dicabut oleh pemohon', en: 'Withdrawn by the requester' },
};

/** The requester's page with its secret: with it, anyone holding the link follows the request. */
export const secretLinkOf = (registrationNumber: string, token: string) => `/ppid/permohonan/${registrationNumber}?kunci=${token}`;

/** A request's file, with the secret link for a requester who came by it. */
export const fileUrl = (registrationNumber: string, path: string, secret?: string) =>
  `/api/v1/ppid/requests/${registrationNumber}/${path}${secret ? `?kunci=${encodeURIComponent(secret)}` : ''}`;

/** Sent to the form's address at filing: the number, the deadline, and the secret link to keep. */
export const receivedNotice = (registrationNumber: string, answerDue: string, link: string) => ({
  title: { id: `Permohonan informasi ${registrationNumber} diterima`, en: `Information request ${registrationNumber} received` },
  body: {
    id: `Permohonan Anda tercatat dengan nomor ${registrationNumber}. PPID wajib menjawab paling lambat ${answerDue}. Simpan tautan berikut: dengan tautan itu Anda memantau, melengkapi atau mencabut permohonan tanpa akun.`,
    en: `Your request is registered as ${registrationNumber}. The PPID must answer by ${answerDue}. Keep the link below: with it you follow, complete or withdraw the request without an account.`,
  },
  link,
});

export const statusNotice = (registrationNumber: string, status: RequestStatus, publicMessage: string | null) =>
  caseStatusNotice({ id: 'Permohonan informasi', en: 'Information request' }, { id: 'permohonan', en: 'request' }, registrationNumber, STATUS_LABELS[status], publicMessage, `/ppid/permohonan/${registrationNumber}`);

export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, Message> = {
  filed: { id: 'Keberatan diajukan', en: 'Objection filed' },
  upheld: { id: 'Keberatan diterima', en: 'Objection upheld' },
  dismissed: { id: 'Keberatan ditolak', en: 'Objection dismissed' },
  disputed: { id: 'Sengketa di Komisi Informasi', en: 'Dispute at the Information Commission' },
  dispute_decided: { id: 'Sengketa telah diputus', en: 'Dispute decided' },
};

/** The Komisi Informasi's decisions, as the yearly report names them. */
export const DISPUTE_OUTCOME_LABELS: Record<DisputeOutcome, Message> = {
  granted: { id: 'Dikabulkan', en: 'Granted' },
  partly_granted: { id: 'Dikabulkan sebagian', en: 'Partly granted' },
  dismissed: { id: 'Ditolak', en: 'Dismissed' },
  mediated: { id: 'Mediasi berhasil', en: 'Settled by mediation' },
  withdrawn: { id: 'Dicabut', en: 'Withdrawn' },
};

export const objectionNotice = (registrationNumber: string, status: ObjectionStatus, publicMessage: string | null) =>
  caseStatusNotice({ id: 'Keberatan atas permohonan', en: 'Objection to request' }, { id: 'keberatan', en: 'objection' }, registrationNumber, OBJECTION_STATUS_LABELS[status], publicMessage, `/ppid/permohonan/${registrationNumber}`);
