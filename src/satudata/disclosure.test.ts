import { expect, it } from 'vitest';
import { MIN_CELL, protectedCounts } from './disclosure.js';
import { monthStart } from './poverty-dataset.js';

it('suppresses counts of 1–4 and any count derivable as 1–4; zeros and counts from 5 stand', () => {
  expect(MIN_CELL).toBe(5);
  expect(protectedCounts(0, 0)).toEqual({ received: 0, handled: 0 });
  for (const n of [1, 2, 3, 4]) expect(protectedCounts(n, 0)).toEqual({ received: null, handled: null });
  // Received stands; handled hides when it, or what is not yet handled, is 1–4.
  expect(protectedCounts(5, 0)).toEqual({ received: 5, handled: 0 });
  expect(protectedCounts(5, 5)).toEqual({ received: 5, handled: 5 });
  expect(protectedCounts(9, 2)).toEqual({ received: 9, handled: null });
  expect(protectedCounts(9, 7)).toEqual({ received: 9, handled: null });
  expect(protectedCounts(12, 6)).toEqual({ received: 12, handled: 6 });
});

it('counts up to the start of the Jakarta month', () => {
  expect(monthStart(new Date('2026-05-02T02:00:00Z')).toISOString()).toBe('2026-04-30T17:00:00.000Z');
  // 31 May 20:00 UTC is already 1 June in Jakarta.
  expect(monthStart(new Date('2026-05-31T20:00:00Z')).toISOString()).toBe('2026-05-31T17:00:00.000Z');
});
