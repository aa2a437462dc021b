import { describe, expect, it } from 'vitest';
import { inQuietHours, quietHoursEnd } from './quiet-hours.js';

const wib = (isoLocal: string) => new Date(`${isoLocal}+07:00`);

describe('quiet hours (Asia/Jakarta)', () => {
  const night = { from: 21, until: 7 };
  it('spans midnight', () => {
    expect(inQuietHours(wib('2026-03-02T20:59:59'), night)).toBe(false);
    expect(inQuietHours(wib('2026-03-02T21:00:00'), night)).toBe(true);
    expect(inQuietHours(wib('2026-03-03T06:59:59'), night)).toBe(true);
    expect(inQuietHours(wib('2026-03-03T07:00:00'), night)).toBe(false);
  });
  it('ends at the next morning, the same day after midnight', () => {
    expect(quietHoursEnd(wib('2026-03-02T22:30:00'), night)).toEqual(wib('2026-03-03T07:00:00'));
    expect(quietHoursEnd(wib('2026-03-03T01:15:00'), night)).toEqual(wib('2026-03-03T07:00:00'));
    // The last day of a month and of a year roll over too.
    expect(quietHoursEnd(wib('2026-12-31T23:00:00'), night)).toEqual(wib('2027-01-01T07:00:00'));
  });
  it('takes hours within one day', () => {
    const siesta = { from: 12, until: 14 };
    expect(inQuietHours(wib('2026-03-02T13:00:00'), siesta)).toBe(true);
    expect(inQuietHours(wib('2026-03-02T14:00:00'), siesta)).toBe(false);
    expect(quietHoursEnd(wib('2026-03-02T12:30:00'), siesta)).toEqual(wib('2026-03-02T14:00:00'));
  });
});
