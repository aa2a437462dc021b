/**
 * The lifecycle of an application for a public service (permohonan layanan) as data, like the
 * other modules' tables. An application is drafted, submitted, and then passes the service's
 * steps (taken from the version it was filed on): each review step passes it on, the approval step
 * approves or rejects, the issuance step issues the signed document. Any handling step may send it
 * back for correction; the applicant answers (resubmits) and it returns to the same step with its
 * deadline running anew. "Overdue" is derived from the deadlines, not a state.
 */
import { workflow, type Transition } from '../core/workflow/transitions.js';

export const APPLICATION_STATUSES = ['draft', 'submitted', 'in_process', 'correction_requested', 'approved', 'issued', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Waiting on the OPD: the step's deadline runs. */
export const WAITING_ON_OPD: readonly ApplicationStatus[] = ['submitted', 'in_process', 'approved'];

/**
 * Who acts, as the lifecycle sees it (access.ts maps principals onto these): the applicant (or the
 * counter officer who filed for a walk-in), and the officer holding the current step.
 */
export type Actor = 'applicant' | 'handler';

const HANDLING: readonly ApplicationStatus[] = ['submitted', 'in_process'];

export const TRANSITIONS = {
  submit: { from: ['draft'], to: 'submitted', by: ['applicant'] },
  /** A review step done: on to the next step. */
  pass: { from: HANDLING, to: 'in_process', by: ['handler'] },
  request_correction: { from: HANDLING, to: 'correction_requested', by: ['handler'] },
  resubmit: { from: ['correction_requested'], to: 'in_process', by: ['applicant'] },
  /** The approval step's decision. */
  approve: { from: HANDLING, to: 'approved', by: ['handler'] },
  reject: { from: HANDLING, to: 'rejected', by: ['handler'] },
  /** The issuance step: the signed document goes out. */
  issue: { from: ['approved'], to: 'issued', by: ['handler'] },
  withdraw: { from: ['draft', 'submitted', 'in_process', 'correction_requested'], to: 'withdrawn', by: ['applicant'] },
  comment: { from: APPLICATION_STATUSES, to: 'same', by: ['handler'] },
} as const satisfies Record<string, Transition<ApplicationStatus, Actor>>;

export type ApplicationAction = keyof typeof TRANSITIONS;
export const APPLICATION_ACTIONS = Object.keys(TRANSITIONS) as ApplicationAction[];

export const lifecycle = workflow<ApplicationAction, ApplicationStatus, Actor>(TRANSITIONS, { id: 'permohonan layanan', en: 'application' });

/** The step kind an action needs: passing is a review's, approving the approval's, issuing the issuance's. */
const STEP_ACTION_KIND: Partial<Record<ApplicationAction, 'review' | 'approval' | 'issuance'>> = { pass: 'review', approve: 'approval', issue: 'issuance' };
/** Actions that work the step the application is at (refusing or sending back: any step before issuance). */
const STEP_BOUND: readonly ApplicationAction[] = ['pass', 'approve', 'reject', 'request_correction', 'issue'];

/** Does the step the application is at take this action? */
export function stepTakes(action: ApplicationAction, stepKind: 'review' | 'approval' | 'issuance'): boolean {
  if (!STEP_BOUND.includes(action)) return true;
  const kind = STEP_ACTION_KIND[action];
  return kind ? stepKind === kind : stepKind !== 'issuance';
}

export const AUDIENCES = ['citizens', 'businesses', 'opd'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const CHANNELS = ['online', 'counter'] as const;
