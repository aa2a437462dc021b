/**
 * The complaint lifecycle as data: which action may move a report from which states to which, and
 * who may take it. Services consult this table; nothing else decides whether a transition is legal.
 * Triage actions mirror SP4N-LAPOR!'s admin desk (verify, tunda, bukan wewenang, arsip, tolak).
 */
import { workflow, type Transition } from '../core/workflow/transitions.js';

export const REPORT_CLASSES = ['pengaduan', 'aspirasi', 'permintaan_informasi'] as const;
export type ReportClass = (typeof REPORT_CLASSES)[number];

export const REPORT_STATUSES = [
  'submitted',
  'postponed',
  'verified',
  'dispositioned',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
  'archived',
  'outside_authority',
  'merged',
  'withdrawn',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Statuses a report may be listed publicly in (and only when not confidential). */
export const PUBLIC_STATUSES: readonly ReportStatus[] = [
  'verified',
  'dispositioned',
  'in_progress',
  'resolved',
  'closed',
  'outside_authority',
];

/** Who acts, as the lifecycle sees it; roles map onto these in access.ts. */
export type Actor = 'reporter' | 'triage' | 'opd' | 'system';

export interface OutsideAuthority {
  /** Which government must act: a national or provincial road goes to the ministry or province. */
  level: 'nasional' | 'provinsi' | 'lain';
  agency: string;
  reason: string;
}

const TRIAGE_OPEN = ['submitted', 'postponed', 'verified'] as const;
const HANDLING = ['dispositioned', 'in_progress'] as const;

export const TRANSITIONS = {
  verify: { from: ['submitted', 'postponed'], to: 'verified', by: ['triage'] },
  postpone: { from: ['submitted', 'postponed'], to: 'postponed', by: ['triage'] },
  reject: { from: TRIAGE_OPEN, to: 'rejected', by: ['triage'] },
  outside_authority: { from: TRIAGE_OPEN, to: 'outside_authority', by: ['triage'] },
  archive: { from: TRIAGE_OPEN, to: 'archived', by: ['triage'] },
  merge: { from: TRIAGE_OPEN, to: 'merged', by: ['triage'] },
  // Disposition implies verification, as on LAPOR!'s desk where both are one step.
  disposition: { from: TRIAGE_OPEN, to: 'dispositioned', by: ['triage'] },
  // From in_progress too: a co-handler or a forwarded-to OPD joins a report another OPD already took up.
  accept: { from: HANDLING, to: 'in_progress', by: ['opd'] },
  follow_up: { from: HANDLING, to: 'in_progress', by: ['opd'] },
  // Back to 'verified' once no OPD still holds the report (see nextStatus).
  return_to_triage: { from: HANDLING, to: 'verified', by: ['opd'] },
  forward: { from: HANDLING, to: 'same', by: ['opd'] },
  add_co_handler: { from: HANDLING, to: 'same', by: ['opd'] },
  resolve: { from: HANDLING, to: 'resolved', by: ['opd'] },
  confirm: { from: ['resolved'], to: 'closed', by: ['reporter'] },
  reopen: { from: ['resolved'], to: 'in_progress', by: ['reporter'] },
  auto_close: { from: ['resolved'], to: 'closed', by: ['system'] },
  withdraw: { from: ['submitted', 'postponed'], to: 'withdrawn', by: ['reporter'] },
  rate: { from: ['resolved', 'closed'], to: 'closed', by: ['reporter'] },
  comment: { from: REPORT_STATUSES, to: 'same', by: ['triage', 'opd'] },
} as const satisfies Record<string, Transition<ReportStatus, Actor>>;

export type ReportAction = keyof typeof TRANSITIONS;
export const REPORT_ACTIONS = Object.keys(TRANSITIONS) as ReportAction[];

const lifecycle = workflow<ReportAction, ReportStatus, Actor>(TRANSITIONS, { id: 'laporan', en: 'report' });

export const canTransition = lifecycle.can;

/**
 * The status after `action`, or an AppError: 403 when the actor may never take it, 409 when the
 * report's current status does not allow it. `otherOpdsStillHandling` matters only for a return.
 */
export function nextStatus(
  action: ReportAction,
  from: ReportStatus,
  actor: Actor,
  otherOpdsStillHandling = false,
): ReportStatus {
  const to = lifecycle.next(action, from, actor);
  return action === 'return_to_triage' && otherOpdsStillHandling ? from : to;
}

/**
 * Statuses a report can only reach through a disposition, read off the table: those a new report
 * cannot reach by any other action. A report in one of them has `dispositioned_at` set, which lets
 * a list of them walk reports_dispositioned_created_idx.
 */
export const REACHED_THROUGH_DISPOSITION: readonly ReportStatus[] = (() => {
  const reached = new Set<ReportStatus>(['submitted']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [action, t] of Object.entries(TRANSITIONS) as [ReportAction, Transition<ReportStatus, Actor>][]) {
      if (action === 'disposition' || t.to === 'same' || reached.has(t.to) || !t.from.some((f) => reached.has(f))) continue;
      reached.add(t.to);
      grew = true;
    }
  }
  return REPORT_STATUSES.filter((s) => !reached.has(s));
})();

export const TERMINAL_STATUSES: readonly ReportStatus[] = [
  'closed',
  'rejected',
  'archived',
  'outside_authority',
  'merged',
  'withdrawn',
];
