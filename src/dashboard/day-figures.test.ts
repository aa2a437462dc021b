import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allOpds, emptyDay, median, passed, sumDays, type DayFigures, type Histogram } from './day-figures.js';

/** percentile_cont(0.5) as PostgreSQL defines it, over the values themselves. */
function percentileCont(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) / 2;
  return sorted[Math.floor(at)]! + (sorted[Math.ceil(at)]! - sorted[Math.floor(at)]!) * (at - Math.floor(at));
}

const histogramOf = (values: number[]): Histogram => {
  const h: Histogram = {};
  for (const v of values) h[v] = (h[v] ?? 0) + 1;
  return h;
};

describe('median of a histogram', () => {
  it('is the middle value, or the mean of the two middle ones, as percentile_cont(0.5)', () => {
    expect(median({})).toBeNull();
    expect(median({ 3: 1 })).toBe(3);
    expect(median({ 0: 1, 1: 1 })).toBe(0.5);
    expect(median({ 1: 2, 6: 1, 2: 1 })).toBe(1.5);
    expect(median({ 0: 0, 4: 2 })).toBe(4);
  });

  it('agrees with percentile_cont over the values for any list of working days', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 200 }), (values) => {
        expect(median(histogramOf(values))).toBe(percentileCont(values));
      }),
    );
  });
});

const day = (f: (d: DayFigures) => void): DayFigures => {
  const d = emptyDay();
  f(d);
  return d;
};
const opd = (reports: number, verify: number[], followUpDue: number[] = []) => ({
  reports,
  dispositions: reports,
  followUpMet: 1,
  followUpLate: 0,
  resolveMet: 0,
  resolveLate: 1,
  verifyDays: histogramOf(verify),
  followUpDays: {},
  resolveDays: {},
  waiting: { followUpDue, resolveDue: [] },
});

describe('sumDays', () => {
  const monday = day((d) => {
    d.received = 3;
    d.statuses = { submitted: 2, resolved: 1 };
    d.verifyDays = { 0: 1, 2: 1 };
    d.dispositionedReports = 1;
    d.opds = { 2: opd(1, [0], [1000]) };
    d.waiting.overdueFrom = [500];
  });
  const tuesday = day((d) => {
    d.received = 1;
    d.statuses = { submitted: 1 };
    d.verifyDays = { 2: 1 };
    // One report dispositioned to two OPDs: each counts it, the total once.
    d.dispositionedReports = 1;
    d.opds = { 2: opd(1, [2]), 7: opd(1, [2], [3000]) };
    d.waiting.overdueFrom = [2500];
  });

  it('adds counts, histograms and deadlines day by day, and leaves the days as they were', () => {
    const sum = sumDays([monday, tuesday]);
    expect(sum.received).toBe(4);
    expect(sum.statuses).toEqual({ submitted: 3, resolved: 1 });
    expect(sum.verifyDays).toEqual({ 0: 1, 2: 2 });
    expect(median(sum.verifyDays)).toBe(2);
    expect(sum.opds[2]).toMatchObject({ reports: 2, verifyDays: { 0: 1, 2: 1 }, waiting: { followUpDue: [1000] } });
    expect(sum.waiting.overdueFrom).toEqual([500, 2500]);
    expect(monday.statuses).toEqual({ submitted: 2, resolved: 1 });
    expect(monday.opds[2]!.verifyDays).toEqual({ 0: 1 });
    expect(sumDays([])).toEqual(emptyDay());
    // One day summed is that day, every field present (also empty lists and histograms).
    expect(sumDays([monday])).toEqual(monday);
    expect(sumDays([tuesday])).toEqual(tuesday);
  });

  it('counts every disposition in the all-OPD row, but each report once', () => {
    const all = allOpds(sumDays([monday, tuesday]));
    expect(all).toMatchObject({ reports: 2, dispositions: 3, followUpMet: 3, resolveLate: 3 });
    expect(all.verifyDays).toEqual({ 0: 1, 2: 2 });
    expect(all.waiting.followUpDue.sort()).toEqual([1000, 3000]);
  });

  it('tells how many deadlines have passed at a moment (a deadline at that very moment has not)', () => {
    expect(passed([500, 2500, 3000], new Date(2500))).toBe(1);
    expect(passed([500, 2500, 3000], new Date(2501))).toBe(2);
  });
});
