/**
 * What a conversation on the city's WhatsApp or SMS number may learn of reports: the latest step of
 * one ("status DMI-2026-…") — the sender's own report as its reporter sees it, anyone else's only
 * if it is public — and, once an account proves the number, the reports filed from it become the
 * account's. No answer names a reporter.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Message } from '../core/errors.js';
import { isPublic } from './access.js';
import { contactOfReport } from './contact-notices.js';
import { ACTION_LABELS, STATUS_LABELS } from './messages.js';
import type { ReportAction } from './lifecycle.js';
import * as q from './queries.js';

export interface LatestStep {
  trackingNumber: string;
  status: Message;
  step: Message;
  at: Date;
  /** The public message of that step (what the citizen sees), if any. */
  message: string | null;
}

/** `phone` in international form (628…); null when the report does not exist or the sender may not see it. */
export async function latestStepForPhone(ctx: AppContext, tx: Db, trackingNumber: string, phone: string): Promise<LatestStep | null> {
  const report = await q.findReport(tx, trackingNumber);
  if (!report) return null;
  if (!isPublic(report) && !(await isReporter(ctx, tx, report, `+${phone}`))) return null;
  const events = await q.timelineOf(tx, report.id);
  // The latest step the citizen sees: a move, or a public message (internal notes stay inside).
  const latest = events.findLast(({ e }) => e.publicMessage || e.fromStatus !== e.toStatus || e.action === 'submit');
  return {
    trackingNumber,
    status: STATUS_LABELS[report.status],
    step: latest ? ACTION_LABELS[latest.e.action as ReportAction | 'submit'] : ACTION_LABELS.submit,
    at: latest?.e.at ?? report.createdAt,
    message: latest?.e.publicMessage ?? null,
  };
}

async function isReporter(ctx: AppContext, tx: Db, report: q.ReportRow, phone: string): Promise<boolean> {
  if (report.externalReporter) return contactOfReport(ctx, report.externalReporter).phone === phone;
  return !!report.reporterId && (await q.verifiedPhoneOf(tx, report.reporterId)) === phone;
}

/** Gives the account the reports filed by conversation from `phone` (628…) without one; answers their tracking numbers. */
export async function linkReportsOfPhone(ctx: AppContext, tx: Db, phone: string, userId: string): Promise<string[]> {
  const linked: string[] = [];
  // The number is inside each encrypted contact, so the unlinked conversation reports are read page by page.
  for (let after = 0; ; ) {
    const page = await q.unlinkedConversationReports(tx, after, 1000);
    if (!page.length) return linked;
    const mine = page.filter((r) => contactOfReport(ctx, r.externalReporter!).phone === `+${phone}`).map((r) => r.id);
    linked.push(...(await q.linkReports(tx, mine, userId)));
    after = page.at(-1)!.id;
  }
}
