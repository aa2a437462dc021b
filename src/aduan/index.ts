/**
 * What other modules may use of aduan's behaviour: filing a report through its intake (Open311),
 * the lifecycle's statuses and their labels, and its rule for what the public may see. Its data
 * is read through `read-model.ts`.
 */
export { submitReport } from './intake.js';
export { categoriesCache } from './categories.js';
export { isPublic } from './access.js';
export { PUBLIC_STATUSES, REPORT_STATUSES, TERMINAL_STATUSES, type ReportStatus } from './lifecycle.js';
export { STATUS_LABELS } from './messages.js';
export { latestStepForPhone, linkReportsOfPhone, type LatestStep } from './by-phone.js';
export type { Contact, Reporter } from './intake.js';
/** Telling a reporter without an account something (the SKM module's survey invitation), as aduan tells them of their report. */
export { contactOfReport, notifyContact } from './contact-notices.js';
