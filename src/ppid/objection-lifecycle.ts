/**
 * Objections (keberatan, UU 14/2008 Pasal 35–38) and the dispute that may follow at the Komisi
 * Informasi, as data like the request lifecycle. The requester objects on one or more of the seven
 * Pasal 35(1) reasons within 30 working days of the reason arising; the Atasan PPID answers within 30
 * working days with reasons; the requester may take the answer (or its absence) to the Komisi
 * Informasi within 14 working days, and the PPID records the dispute, its hearings and its outcome.
 */
import { workflow, type Transition } from '../core/workflow/transitions.js';

export const OBJECTION_STATUSES = ['filed', 'upheld', 'dismissed', 'disputed', 'dispute_decided'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export type ObjectionActor = 'requester' | 'atasan' | 'utama';

export const OBJECTION_TRANSITIONS = {
  uphold: { from: ['filed'], to: 'upheld', by: ['atasan'] },
  dismiss: { from: ['filed'], to: 'dismissed', by: ['atasan'] },
  // The requester files at the Komisi Informasi; either they or the PPID Utama (on the Komisi's summons) record it here.
  file_dispute: { from: ['filed', 'upheld', 'dismissed'], to: 'disputed', by: ['requester', 'utama'] },
  record_hearing: { from: ['disputed'], to: 'same', by: ['utama', 'atasan'] },
  record_dispute_outcome: { from: ['disputed'], to: 'dispute_decided', by: ['utama', 'atasan'] },
} as const satisfies Record<string, Transition<ObjectionStatus, ObjectionActor>>;

export type ObjectionAction = keyof typeof OBJECTION_TRANSITIONS;
export const OBJECTION_ACTIONS = Object.keys(OBJECTION_TRANSITIONS) as ObjectionAction[];

export const objectionLifecycle = workflow<ObjectionAction, ObjectionStatus, ObjectionActor>(OBJECTION_TRANSITIONS, { id: 'keberatan', en: 'objection' });

export const OBJECTION_DEADLINES = { lodgeWorkingDays: 30, answerWorkingDays: 30, disputeWorkingDays: 14 } as const;

/** Pasal 35 ayat (1) huruf a–g. */
export const OBJECTION_REASONS = {
  a: { id: 'Permohonan ditolak berdasarkan alasan pengecualian Pasal 17', en: 'The request was refused under a Pasal 17 exemption' },
  b: { id: 'Informasi berkala tidak disediakan (Pasal 9)', en: 'Periodic information was not provided (Pasal 9)' },
  c: { id: 'Permintaan informasi tidak ditanggapi', en: 'The request was not answered' },
  d: { id: 'Permintaan informasi ditanggapi tidak sebagaimana yang diminta', en: 'The answer was not what was requested' },
  e: { id: 'Permintaan informasi tidak dipenuhi', en: 'The request was not fulfilled' },
  f: { id: 'Pengenaan biaya yang tidak wajar', en: 'An unreasonable fee was charged' },
  g: { id: 'Penyampaian informasi melebihi waktu yang diatur', en: 'The information was given later than the law allows' },
} as const;
export type ObjectionReason = keyof typeof OBJECTION_REASONS;
export const OBJECTION_REASON_CODES = Object.keys(OBJECTION_REASONS) as ObjectionReason[];

/** How the Komisi Informasi's decision went (putusan or mediation). */
export const DISPUTE_OUTCOMES = ['granted', 'partly_granted', 'dismissed', 'mediated', 'withdrawn'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];
