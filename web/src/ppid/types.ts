/** The PPID API's shapes as the web app reads them (src/ppid/api-schemas.ts is the source). */
import type { Message } from '../lib/i18n';

export const OPEN_STATUSES = ['submitted', 'clarification_needed', 'in_progress'] as const;
export const STATUSES = [...OPEN_STATUSES, 'successful', 'partially_successful', 'rejected', 'not_held', 'withdrawn'] as const;
export type Status = (typeof STATUSES)[number];

export const IDENTITY_TYPES = ['nik', 'passport', 'entity'] as const;
export const OBTAIN_METHODS = ['see', 'read', 'listen', 'note', 'soft_copy', 'hard_copy'] as const;
export const DELIVERY_METHODS = ['collect', 'post', 'courier', 'email'] as const;
export const DESK_CHANNELS = ['walk_in', 'phone', 'letter', 'email'] as const;
export const EXEMPTION_CODES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const;
export const OBJECTION_REASON_CODES = ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const;
export const DISPUTE_OUTCOMES = ['granted', 'partly_granted', 'dismissed', 'mediated', 'withdrawn'] as const;

/** The desks that enter requests received at the counter, by phone, letter or email. */
export const DESK_ROLES = ['ppid_utama', 'ppid_pelaksana'] as const;
export const STAFF_ROLES = ['ppid_utama', 'ppid_pelaksana', 'atasan_ppid', 'auditor'] as const;
export const OBJECTION_ROLES = ['atasan_ppid', 'ppid_utama', 'auditor'] as const;

export type Deadline = 'overdue' | 'due_soon' | 'on_time' | null;
export interface Opd {
  code: string;
  name: string;
}

export interface Summary {
  registrationNumber: string;
  status: Status;
  statusLabel: Message;
  channel: string;
  information: string;
  opd: Opd | null;
  createdAt: string;
  receivedAt: string;
  verifyDueAt: string;
  answerDueAt: string;
  extendedAt: string | null;
  answeredAt: string | null;
  deadline: Deadline;
}

export interface AnswerDocument {
  id: string;
  name: string;
  mime: string;
  bytes: number;
  pages: number | null;
  url: string;
}

export interface Objection {
  status: 'filed' | 'upheld' | 'dismissed' | 'disputed' | 'dispute_decided';
  reasons: string[];
  statement: string;
  filedAt: string;
  answerDueAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
  disputeDueAt: string | null;
  dispute: {
    filedAt: string;
    register: string | null;
    hearings: { date: string; note: string }[];
    outcome: (typeof DISPUTE_OUTCOMES)[number] | null;
    decidedAt: string | null;
    summary: string | null;
    decisionUrl: string | null;
  } | null;
  allowedActions: ObjectionAction[];
}
export type ObjectionAction = 'uphold' | 'dismiss' | 'file_dispute' | 'record_hearing' | 'record_dispute_outcome';

export type RequestAction = 'verify' | 'ask_clarification' | 'clarify' | 'route' | 'return_to_utama' | 'extend' | 'grant' | 'grant_partly' | 'refuse' | 'not_held' | 'withdraw' | 'comment';

export interface Detail extends Summary {
  purpose: string;
  obtainMethod: (typeof OBTAIN_METHODS)[number];
  deliveryMethod: (typeof DELIVERY_METHODS)[number];
  publicConsent: boolean;
  extensionReason: string | null;
  requester: {
    identityType: (typeof IDENTITY_TYPES)[number];
    identityNumber: string;
    fullName: string;
    entityName: string | null;
    address: string;
    email: string | null;
    phone: string | null;
    onBehalfOf: string | null;
    hasPowerOfAttorney: boolean;
    powerOfAttorneyUrl: string | null;
  };
  answer: {
    notice: string | null;
    exemptions: string[];
    consequenceTest: string | null;
    heldBy: string | null;
    costRupiah: number | null;
    redactions: { part: string; exemption: string }[];
    noticeUrl: string;
    documents: AnswerDocument[];
  } | null;
  timeline: { at: string; action: string; fromStatus: string | null; toStatus: string | null; message: string | null; note?: string | null; actorRole?: string }[];
  allowedActions: RequestAction[];
  /** For the requester: until when an objection may be filed (null: not now). */
  objectionDueAt: string | null;
  objection: Objection | null;
}

export interface Filed extends Summary {
  secretLink: string;
  receiptUrl: string;
}

export interface ObjectionSummary {
  registrationNumber: string;
  information: string;
  opd: Opd | null;
  status: Objection['status'];
  reasons: string[];
  filedAt: string;
  answerDueAt: string;
  overdue: boolean;
}

export interface ArchiveItem {
  registrationNumber: string;
  information: string;
  status: Status;
  statusLabel: Message;
  opd: Opd | null;
  receivedAt: string;
  answerDueAt: string;
  answeredAt: string | null;
  answer: { notice: string | null; heldBy: string | null; documents: AnswerDocument[] } | null;
  exemptions: string[];
}

export interface ReportRow {
  opd: Opd | null;
  received: number;
  successful: number;
  partiallySuccessful: number;
  rejected: number;
  rejectedByExemption: Record<string, number>;
  notHeld: number;
  withdrawn: number;
  open: number;
  answeredLate: number;
  averageWorkingDays: number | null;
  objections: number;
  disputes: number;
  disputeOutcomes: Record<string, number>;
}
export interface Report {
  year: number;
  rows: ReportRow[];
  total: ReportRow;
}

/** A published catalogue (DIP) item, as the catalogue's search answers. */
export interface CatalogueHit {
  id: string | number;
  opd: Opd | null;
  class: string;
  classLabel: Message;
  title: string;
  summary?: string | null;
}

/** The body of POST /ppid/requests. */
export interface RequestDraft {
  identityType: (typeof IDENTITY_TYPES)[number];
  identityNumber: string;
  fullName: string;
  entityName?: string;
  address: string;
  email?: string;
  phone?: string;
  onBehalfOf?: string;
  powerOfAttorneyId?: string;
  information: string;
  purpose: string;
  obtainMethod: (typeof OBTAIN_METHODS)[number];
  deliveryMethod: (typeof DELIVERY_METHODS)[number];
  publicConsent: boolean;
  channel?: (typeof DESK_CHANNELS)[number];
}
