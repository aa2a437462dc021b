/**
 * The steps staff and residents take, with delays as they take them: the triage desk within hours
 * or days, each OPD at its own pace (so the rankings differ: Dinas Perhubungan is slow and often
 * misses its SLA, Dinas LH and Dinkes are quick), residents whenever they look at their phone.
 */
import { DEFAULT_OPDS } from '../../core/reference/seed-data.js';
import type { Random } from '../../core/demo/random.js';
import type { Draft, Who } from './timeline.js';
import {
  ACCEPT_REPLIES,
  DISPOSITION_INSTRUCTIONS,
  INTERNAL_NOTES,
  POSTPONE_REPLIES,
  RATING_COMMENTS,
  VERIFY_REPLIES,
  WAITING_REPLIES,
  type Handling,
} from './replies.js';

/** Multiplies every OPD delay: below 1 quicker than the SLA needs, above 2 usually late. */
const OPD_PACE: Record<string, number> = {
  DLH: 0.4,
  DINKES: 0.7,
  DISKOMINFOTIKSAN: 0.8,
  DISDUKCAPIL: 0.9,
  PUPR: 1,
  DISDIK: 1.1,
  SATPOLPP: 1.2,
  DISPAR: 1.2,
  PERKIM: 1.4,
  DINSOS: 1.6,
  DISHUB: 3.2,
};
export const pace = (opd: string): number => OPD_PACE[opd] ?? 1;

export const opdName = (code: string): string => DEFAULT_OPDS.find((o) => o.code === code)?.shortName ?? code;

export const TRIAGE: Who = { kind: 'triage' };
export const REPORTER: Who = { kind: 'reporter' };
const SYSTEM: Who = { kind: 'system' };
export const admin = (opd: string): Who => ({ kind: 'opd', opd, as: 'admin' });
const officer = (opd: string): Who => ({ kind: 'opd', opd, as: 'officer' });

/** Appends steps to one report's story. */
export class Tale {
  readonly drafts: Draft[] = [];
  constructor(
    readonly rand: Random,
    /** What the OPDs say about this report's problem. */
    readonly texts: Handling,
  ) {}

  step(who: Who, action: Draft['action'], input: Draft['input'], afterHours: number, extra: Pick<Draft, 'untilDays' | 'mergeInto'> = {}): void {
    this.drafts.push({ who, action, input, afterHours, jitterMin: this.rand.int(0, 150), ...extra });
  }

  /** Most reports are read within hours, some the next day, a few wait days for the desk. */
  triageDelay(): number {
    const r = this.rand;
    return { quick: r.between(0.5, 6), day: r.between(6, 30), slow: r.between(30, 80) }[r.weighted({ quick: 6, day: 3, slow: 1 })];
  }

  postpone(untilDays = this.rand.int(2, 5)): void {
    this.step(TRIAGE, 'postpone', { message: this.rand.pick(POSTPONE_REPLIES) }, this.triageDelay(), { untilDays });
  }

  /** The desk's intake: sometimes a postponement for missing details, often an explicit verification. */
  intake(opds: string[]): void {
    const r = this.rand;
    let delay = this.triageDelay();
    if (r.chance(0.08)) {
      this.postpone();
      delay = r.between(20, 60);
    }
    if (r.chance(0.5)) {
      this.step(TRIAGE, 'verify', { message: r.pick(VERIFY_REPLIES) }, delay);
      delay = r.between(0.2, 6);
    }
    this.disposition(opds, delay);
  }

  disposition(opds: string[], afterHours: number): void {
    const message = `Laporan Anda diteruskan ke ${opds.map(opdName).join(' dan ')} untuk ditindaklanjuti.`;
    this.step(TRIAGE, 'disposition', { opdCodes: opds, instruction: this.rand.pick(DISPOSITION_INSTRUCTIONS), message }, afterHours);
  }

  accept(opd: string): void {
    const r = this.rand;
    this.step(admin(opd), 'accept', r.chance(0.6) ? { message: r.pick(ACCEPT_REPLIES) } : {}, pace(opd) * r.between(1, 30));
  }

  followUp(opd: string, message = this.rand.pick(this.texts.followUp), hours = this.rand.between(4, 72)): void {
    const note = this.rand.chance(0.4) ? this.rand.pick(INTERNAL_NOTES) : undefined;
    this.step(officer(opd), 'follow_up', { message, note }, pace(opd) * hours);
  }

  /**
   * Accept and report progress; a quarter of the cases then stall on material or budget. `accept`
   * is only open while the report is still 'dispositioned' (the lifecycle table's rule).
   */
  handle(opd: string, accept = true): void {
    if (accept) this.accept(opd);
    this.followUp(opd);
    if (this.rand.chance(0.25)) this.followUp(opd, this.rand.pick(WAITING_REPLIES), this.rand.between(48, 200));
  }

  resolve(opd: string): void {
    this.step(officer(opd), 'resolve', { message: this.rand.pick(this.texts.resolve) }, pace(opd) * this.rand.between(24, 140));
  }

  /** Slow OPDs earn lower ratings, and a reopened report loses a point more. */
  rating(opd: string, penalty = 0): { rating: number; comment: string } {
    const r = this.rand;
    const rating = Math.min(5, Math.max(1, Math.round(5.5 - pace(opd) + r.between(-0.8, 0.8) - penalty)));
    return { rating, comment: r.pick(RATING_COMMENTS[rating]!) };
  }

  confirm(opd: string, penalty = 0): void {
    this.step(REPORTER, 'confirm', this.rating(opd, penalty), this.rand.between(3, 96));
  }

  autoClose(opd: string): void {
    this.step(SYSTEM, 'auto_close', {}, 15 * 24);
    // Some reporters only rate after the report has closed itself.
    if (this.rand.chance(0.25)) this.step(REPORTER, 'rate', this.rating(opd), this.rand.between(12, 96));
  }
}
