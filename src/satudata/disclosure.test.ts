import { expect, it } from 'vitest';
import { MIN_CELL, protectedCounts } from './disclosure.js';
import { monthStart } from './poverty-dataset.js';

it('suppresses counts of 1–4 and any count derivable as 1–4; zeros stand, and counts from 5 are rounded to 5', () => {
  expect(MIN_CELL).toBe(5);
  expect(protectedCounts(0, 0)).toEqual({ received: 0, handled: 0 });
  for (const n of [1, 2, 3, 4]) expect(protectedCounts(n, 0)).toEqual({ received: null, handled: null });
  expect([5, 6, 7, 8, 12, 13, 102].map((n) => protectedCounts(n, 0).received)).toEqual([5, 5, 5, 10, 10, 15, 100]);
  // Received stands; handled hides when it, or what is not yet handled, is 1–4.
  expect(protectedCounts(5, 0)).toEqual({ received: 5, handled: 0 });
  expect(protectedCounts(6, 6)).toEqual({ received: 5, handled: 5 });
  expect(protectedCounts(9, 2)).toEqual({ received: 10, handled: null });
  expect(protectedCounts(9, 7)).toEqual({ received: 10, handled: null });
  expect(protectedCounts(12, 6)).toEqual({ received: 10, handled: 5 });
  // One more complaint between two versions shows as no change, or as a step of 5: never as 1.
  const steps = Array.from({ length: 30 }, (_, n) => protectedCounts(n + 5, 0).received! - protectedCounts(n + 4, 0).received!);
  for (const d of steps.slice(1)) expect([0, 5]).toContain(d);
});

it('counts up to the start of the Jakarta month', () => {
  expect(monthStart(new Date('2026-05-02T02:00:00Z')).toISOString()).toBe('2026-04-30T17:00:00.000Z');
  // 31 May 20:00 UTC is already 1 June in Jakarta.
  expect(monthStart(new Date('2026-05-31T20:00:00Z')).toISOString()).toBe('2026-05-31T17:00:00.000Z');
});
