/**
 * The fate of each demo report and the steps that lead there: every status of the lifecycle, by
 * the paths reports really take (misrouted and handed on, co-handled, reopened, merged ...).
 */
import type { Random } from '../../core/demo/random.js';
import type { Draft } from './timeline.js';
import {
  ARCHIVE_REASONS,
  ARCHIVE_UNANSWERED,
  CO_HANDLING,
  DISPOSITION_INSTRUCTIONS,
  HANDLING,
  MERGE_REPLY,
  MISROUTES,
  OUTSIDE_AGENCY,
  REJECT_REASONS,
  REOPEN_COMPLAINTS,
  SUGGESTION_HANDLING,
  VERIFY_REPLIES,
  WITHDRAW_REASONS,
} from './replies.js';
import { REPORTER, TRIAGE, Tale, admin, opdName, pace } from './tale.js';

/** Where a report's story ends; several fates end in the same status by different paths. */
export const FATE_QUOTAS = {
  closed: 74,
  auto_closed: 30,
  resolved: 22,
  in_progress: 34,
  co_handled: 12,
  forwarded: 8,
  returned: 8,
  returned_waiting: 4,
  reopened: 10,
  verified: 6,
  dispositioned: 18,
  submitted: 14,
  postponed: 6,
  rejected: 14,
  archived: 8,
  outside_authority: 12,
  merged: 12,
  withdrawn: 8,
} as const;
export type Fate = keyof typeof FATE_QUOTAS;

interface Outside {
  road: string;
  level: 'nasional' | 'provinsi';
}

export interface StoryFacts {
  fate: Fate;
  category: string;
  /** An aspirasi: weighed for next year's plans rather than repaired. */
  suggestion: boolean;
  /** The category's OPD, or for a misrouted report the one it should have gone to. */
  opd: string;
  misroute?: (typeof MISROUTES)[number];
  outside?: Outside;
  mergeInto?: number;
}

export interface Story {
  drafts: Draft[];
  /** Set for reports still open now: hours between the last step and now. */
  recentHours?: number;
}

export function tell(rand: Random, f: StoryFacts): Story {
  const t = new Tale(rand, f.suggestion ? SUGGESTION_HANDLING : HANDLING[f.category]!);
  const r = rand;
  const open = (hours: number): Story => ({ drafts: t.drafts, recentHours: hours });
  const done = (): Story => ({ drafts: t.drafts });
  const { opd } = f;
  switch (f.fate) {
    case 'submitted':
      // Mostly today's reports; a few the desk has left lying past its verification deadline.
      return open(r.chance(0.75) ? r.between(0.5, 20) : r.between(130, 220));
    case 'postponed':
      t.postpone(r.int(3, 10));
      return open(r.between(2, 60));
    case 'verified':
      t.step(TRIAGE, 'verify', { message: r.pick(VERIFY_REPLIES) }, t.triageDelay());
      return open(r.between(1, 30));
    case 'dispositioned':
      t.intake([opd]);
      // A quarter lie unread at the OPD past the follow-up deadline.
      return open(Math.max(1, pace(opd)) * (r.chance(0.25) ? r.between(170, 260) : r.between(2, 60)));
    case 'in_progress':
      t.intake([opd]);
      t.handle(opd);
      // Some work stalls for weeks, past the category's resolution deadline.
      return open(r.chance(0.4) ? Math.max(1, pace(opd)) * r.between(240, 480) : pace(opd) * r.between(12, 120));
    case 'resolved':
      t.intake([opd]);
      t.handle(opd);
      t.resolve(opd);
      return open(r.between(2, 110));
    case 'closed':
      t.intake([opd]);
      t.handle(opd);
      t.resolve(opd);
      t.confirm(opd);
      return done();
    case 'auto_closed':
      t.intake([opd]);
      t.handle(opd);
      t.resolve(opd);
      t.autoClose(opd);
      return done();
    case 'reopened':
      t.intake([opd]);
      t.handle(opd);
      t.resolve(opd);
      t.step(REPORTER, 'reopen', { message: r.pick(REOPEN_COMPLAINTS) }, r.between(12, 96));
      t.followUp(opd, r.pick(t.texts.followUp), r.between(12, 72));
      if (r.chance(0.5)) return open(r.between(12, 96));
      t.resolve(opd);
      t.confirm(opd, 1);
      return done();
    case 'co_handled': {
      const co = CO_HANDLING[f.category as keyof typeof CO_HANDLING];
      // The desk names both OPDs at once, or the lead brings the other in after its survey.
      const together = r.chance(0.3);
      t.intake(together ? [co.lead, co.co] : [co.lead]);
      t.accept(co.lead);
      if (!together) t.step(admin(co.lead), 'add_co_handler', { opdCode: co.co, instruction: r.pick(DISPOSITION_INSTRUCTIONS), message: co.message }, pace(co.lead) * r.between(4, 48));
      // A co-handler cannot 'accept' once the lead has (the report is no longer 'dispositioned').
      t.followUp(co.co, r.pick(HANDLING[co.coCategory]!.followUp));
      t.followUp(co.lead);
      if (r.chance(0.5)) return open(pace(co.co) * r.between(12, 96));
      t.resolve(co.lead);
      t.confirm(co.lead);
      return done();
    }
    case 'forwarded': {
      const m = f.misroute!;
      t.intake([m.wrong]);
      const acceptedFirst = r.chance(0.5);
      if (acceptedFirst) t.accept(m.wrong);
      t.step(admin(m.wrong), 'forward', { opdCode: m.right, note: m.note, message: `Laporan dialihkan ke ${opdName(m.right)} yang berwenang.` }, pace(m.wrong) * r.between(2, 30));
      t.handle(m.right, !acceptedFirst);
      const ending = r.weighted({ closed: 5, resolved: 2, open: 3 });
      if (ending === 'open') return open(pace(m.right) * r.between(12, 96));
      t.resolve(m.right);
      if (ending === 'resolved') return open(r.between(2, 110));
      t.confirm(m.right);
      return done();
    }
    case 'returned':
    case 'returned_waiting': {
      const m = f.misroute!;
      t.intake([m.wrong]);
      t.step(admin(m.wrong), 'return_to_triage', { note: m.note, message: 'Laporan dikembalikan ke admin untuk diteruskan ke OPD yang berwenang.' }, pace(m.wrong) * r.between(2, 40));
      if (f.fate === 'returned_waiting') return open(r.between(1, 30));
      t.disposition([m.right], t.triageDelay());
      t.handle(m.right);
      if (r.chance(0.3)) return open(pace(m.right) * r.between(12, 96));
      t.resolve(m.right);
      t.confirm(m.right);
      return done();
    }
    case 'rejected':
      if (r.chance(0.3)) t.postpone();
      // After a postponement the reporter had three days to add the missing details.
      t.step(TRIAGE, 'reject', { message: r.pick(REJECT_REASONS) }, t.triageDelay() + (t.drafts.length ? 72 : 0));
      return done();
    case 'archived':
      if (r.chance(0.4)) {
        t.postpone();
        t.step(TRIAGE, 'archive', { message: ARCHIVE_UNANSWERED }, r.between(96, 160));
      } else {
        t.step(TRIAGE, 'archive', { message: r.pick(ARCHIVE_REASONS) }, t.triageDelay());
      }
      return done();
    case 'outside_authority': {
      const o = f.outside!;
      if (r.chance(0.5)) t.step(TRIAGE, 'verify', { message: r.pick(VERIFY_REPLIES) }, t.triageDelay());
      const agency = OUTSIDE_AGENCY[o.level];
      t.step(TRIAGE, 'outside_authority', { message: agency.reason(o.road), outside: { level: o.level, agency: agency.agency } }, t.triageDelay());
      return done();
    }
    case 'merged':
      t.step(TRIAGE, 'merge', { message: MERGE_REPLY }, t.triageDelay(), { mergeInto: f.mergeInto! });
      return done();
    case 'withdrawn':
      if (r.chance(0.3)) t.postpone();
      t.step(REPORTER, 'withdraw', { message: r.pick(WITHDRAW_REASONS) }, r.between(2, 48));
      return done();
  }
}
