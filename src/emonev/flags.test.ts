import { describe, expect, it } from 'vitest';
import { firstDayOf, flagsOf, isLagging, isLate, lastDayOf } from './flags.js';
import type { Report } from './queries.js';

const plan = { planPhysical: [0, 2, 12, 20, 30, 42, 55, 68, 80, 90, 96, 100], planFinancial: Array(12).fill(0) };
const report = (month: number, physicalPct: number, status: Report['status'], firstSubmittedAt: string | null): Report => ({
  id: month, subActivityId: 1, month, status, physicalPct, financialRp: 0, notes: '', lat: null, lng: null,
  firstSubmittedAt: firstSubmittedAt ? new Date(firstSubmittedAt) : null, decidedAt: null, returnReason: null, createdAt: new Date(0), updatedAt: new Date(0),
});
// Each month due on the 15th of the next at 23:59 WIB, as a stand-in for the working-day deadline.
const dues = Array.from({ length: 12 }, (_, i) => new Date(`${firstDayOf(i === 11 ? 2027 : 2026, i === 11 ? 1 : i + 2).slice(0, 8)}15T16:59:59Z`));

describe('e-monev flags', () => {
  it('knows the months’ last days across February and the year’s end', () => {
    expect([lastDayOf(2026, 2), lastDayOf(2028, 2), lastDayOf(2026, 12), firstDayOf(2026, 3)]).toEqual(['2026-02-28', '2028-02-29', '2026-12-31', '2026-03-01']);
  });

  it('is behind plan only by more than 10 points', () => {
    expect(isLagging(plan, { month: 4, physicalPct: 10 })).toBe(false);
    expect(isLagging(plan, { month: 4, physicalPct: 9.99 })).toBe(true);
  });

  it('counts a month late after its deadline with nothing submitted; a draft is nothing', () => {
    const due = new Date('2026-04-15T16:59:59Z');
    expect(isLate(undefined, due, new Date('2026-04-15T16:00:00Z'))).toBe(false);
    expect(isLate(undefined, due, new Date('2026-04-16T00:00:00Z'))).toBe(true);
    expect(isLate(report(3, 12, 'draft', null), due, new Date('2026-04-16T00:00:00Z'))).toBe(true);
    expect(isLate(report(3, 12, 'returned', '2026-04-20T00:00:00Z'), due, new Date('2026-04-21T00:00:00Z'))).toBe(false);
  });

  it('reads the latest submitted or accepted month against its plan, not a returned or draft one', () => {
    const reports = [report(1, 0, 'accepted', '2026-02-03T02:00:00Z'), report(2, 1, 'accepted', '2026-03-20T02:00:00Z'), report(3, 4, 'returned', '2026-04-03T02:00:00Z'), report(4, 5, 'draft', null)];
    const f = flagsOf(plan, reports, dues, new Date('2026-05-20T00:00:00Z'));
    expect(f.lateMonths).toEqual([4]);
    expect(f.latest).toMatchObject({ month: 2, physicalPct: 1, planPhysicalPct: 2, physicalDeviation: -1, submittedLate: true });
    expect(f.lagging).toBe(false);
  });
});
