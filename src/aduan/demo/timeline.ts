/**
 * When each step of a demo report happens. Stories give the delays; here they become instants in
 * the hours of whoever acts (staff on working days in office hours WIB, residents in waking hours,
 * the SLA sweep at any time), and a story is shifted back until its last step lies before now.
 */
import type { ActionInput } from '../actions.js';
import type { ReportAction } from '../lifecycle.js';
import { addWorkingDays, isWorkingDay, wibDate } from '../../core/calendar/working-days.js';

export type Who =
  | { kind: 'reporter' }
  | { kind: 'triage' }
  | { kind: 'system' }
  | { kind: 'opd'; opd: string; as: 'admin' | 'officer' };

export interface Draft {
  who: Who;
  action: ReportAction;
  input: ActionInput;
  /** Hours after the previous step, before waiting for the actor's hours (auto_close: an estimate; its moment follows from the SLA). */
  afterHours: number;
  /** Minutes after opening time, when the step had to wait for the actor's hours. */
  jitterMin: number;
  /** Postpone: the date to wait until, this many days after the step. */
  untilDays?: number;
  /** Merge: the key of the report this one duplicates. */
  mergeInto?: number;
}

export interface PlannedStep {
  at: Date;
  who: Who;
  action: ReportAction;
  input: ActionInput;
  mergeInto?: number;
}

export interface Calendar {
  holidays: ReadonlySet<string>;
  autoCloseWorkingDays: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const WIB = 7 * HOUR;

/** Civil servants work 07:30–16:00 WIB; residents write between 06:00 and 22:00, any day. */
const HOURS = { office: [7.5 * 60, 16 * 60], citizen: [6 * 60, 22 * 60] } as const;

const wibInstant = (date: string, minutes: number): Date => new Date(Date.parse(`${date}T00:00:00Z`) - WIB + minutes * MINUTE);
const nextDate = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);

function withinHours(t: Date, clock: keyof typeof HOURS, holidays: ReadonlySet<string>, jitterMin: number): Date {
  const [open, close] = HOURS[clock];
  const isOpen = (date: string) => clock === 'citizen' || isWorkingDay(date, holidays);
  let date = wibDate(t);
  const minutes = ((t.getTime() + WIB) % (24 * HOUR)) / MINUTE;
  if (isOpen(date) && minutes >= open && minutes < close) return t;
  if (!isOpen(date) || minutes >= close) {
    do date = nextDate(date);
    while (!isOpen(date));
  }
  return wibInstant(date, open + jitterMin);
}

function schedule(t0: Date, submitJitter: number, drafts: readonly Draft[], cal: Calendar) {
  const submittedAt = withinHours(new Date(Math.floor(t0.getTime() / 1000) * 1000), 'citizen', cal.holidays, submitJitter);
  let prev = submittedAt;
  let resolvedAt: Date | undefined;
  const steps = drafts.map((d): PlannedStep => {
    let at: Date;
    if (d.action === 'auto_close') {
      // The SLA sweep runs every minute and closes the report just after its auto-close deadline.
      if (!resolvedAt) throw new Error('demo story auto-closes a report that was never resolved');
      at = new Date(addWorkingDays(resolvedAt, cal.autoCloseWorkingDays, cal.holidays).getTime() + MINUTE);
    } else {
      // Whole seconds read better on a timeline; a minute apart at least keeps the order unambiguous.
      const earliest = new Date(Math.ceil((prev.getTime() + Math.max(MINUTE, d.afterHours * HOUR)) / 1000) * 1000);
      at = d.who.kind === 'system' ? earliest : withinHours(earliest, d.who.kind === 'reporter' ? 'citizen' : 'office', cal.holidays, d.jitterMin);
    }
    if (d.action === 'resolve') resolvedAt = at;
    prev = at;
    const input = d.untilDays === undefined ? d.input : { ...d.input, postponeUntil: wibDate(new Date(at.getTime() + d.untilDays * 24 * HOUR)) };
    return { at, who: d.who, action: d.action, input, ...(d.mergeInto === undefined ? {} : { mergeInto: d.mergeInto }) };
  });
  return { submittedAt, steps };
}

/**
 * Schedules the story from `t0`, moving it earlier until its last step is at or before `latest`.
 * Waiting for office hours only ever delays a step, so each retry moves back by the overshoot.
 */
export function placeStory(t0: Date, submitJitter: number, drafts: readonly Draft[], latest: Date, cal: Calendar) {
  let start = t0;
  for (let attempt = 1; attempt <= 30; attempt++) {
    const s = schedule(start, submitJitter, drafts, cal);
    const last = (s.steps[s.steps.length - 1]?.at ?? s.submittedAt).getTime();
    if (last <= latest.getTime()) return s;
    start = new Date(start.getTime() - (last - latest.getTime()) - attempt * HOUR);
  }
  throw new Error('demo story cannot be placed before now');
}

export const hoursOf = (drafts: readonly Draft[]): number => drafts.reduce((sum, d) => sum + d.afterHours, 0);
