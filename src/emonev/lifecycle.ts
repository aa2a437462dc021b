/**
 * A monthly realisation report's lifecycle as data. The OPD drafts it and submits it; the e-monev
 * desk at Bappeda checks the figures against the evidence and accepts it, or returns it with its
 * reasons; the OPD corrects a returned report and resubmits it. Accepted figures are what the city
 * counts. Lateness and being behind plan are derived from the deadlines and the plan, not states.
 */
import { workflow, type Transition } from '../core/workflow/transitions.js';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Who acts, as the lifecycle sees it (access.ts maps principals onto these). */
export type Actor = 'opd' | 'desk';

export const TRANSITIONS = {
  edit: { from: ['draft', 'returned'], to: 'same', by: ['opd'] },
  submit: { from: ['draft'], to: 'submitted', by: ['opd'] },
  accept: { from: ['submitted'], to: 'accepted', by: ['desk'] },
  return: { from: ['submitted'], to: 'returned', by: ['desk'] },
  resubmit: { from: ['returned'], to: 'submitted', by: ['opd'] },
} as const satisfies Record<string, Transition<ReportStatus, Actor>>;

export type ReportAction = keyof typeof TRANSITIONS;
/** The steps taken through their own route (editing is the PATCH). */
export const STEP_ACTIONS = ['submit', 'accept', 'return', 'resubmit'] as const satisfies readonly ReportAction[];
export type StepAction = (typeof STEP_ACTIONS)[number];

export const lifecycle = workflow<ReportAction, ReportStatus, Actor>(TRANSITIONS, { id: 'laporan realisasi', en: 'realisation report' });

/** Submitted or accepted: figures the OPD stands behind (a returned or draft report is not counted). */
export const REPORTED: readonly ReportStatus[] = ['submitted', 'accepted'];
