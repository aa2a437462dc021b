import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, wibDate, workingDaysBetween } from './working-days.js';

// The real 2025–2026 holidays and cuti bersama (SKB tiga menteri), as the platform will seed them.
const csv = fs.readFileSync(path.resolve(process.cwd(), 'seed/libur_nasional_cuti_bersama_2025_2026.csv'), 'utf8');
const rows = csv.trim().split('\n').slice(1).map((line) => line.split(','));
const holidays: ReadonlySet<string> = new Set(rows.map(([date]) => date!));
const kindOf = (date: string) => rows.find(([d]) => d === date)?.[1];

const none = new Set<string>();
/** An instant given in WIB wall-clock time. */
const wib = (local: string) => new Date(`${local}+07:00`);
const endOf = (date: string) => wib(`${date}T23:59:59.999`);

describe('wibDate', () => {
  it('switches date at 17:00 UTC, midnight in WIB', () => {
    expect(wibDate(new Date('2026-01-08T16:59:59.999Z'))).toBe('2026-01-08');
    expect(wibDate(new Date('2026-01-08T17:00:00Z'))).toBe('2026-01-09');
  });
});

describe('isWorkingDay', () => {
  it('is Monday to Friday only', () => {
    expect(isWorkingDay('2026-01-09', none)).toBe(true); // Friday
    expect(isWorkingDay('2026-01-10', none)).toBe(false); // Saturday
    expect(isWorkingDay('2026-01-11', none)).toBe(false); // Sunday
    expect(isWorkingDay('2026-01-12', none)).toBe(true); // Monday
  });

  it('excludes national holidays and cuti bersama alike', () => {
    expect(kindOf('2026-01-01')).toBe('libur_nasional');
    expect(isWorkingDay('2026-01-01', holidays)).toBe(false); // Thursday, Tahun Baru
    expect(kindOf('2026-03-24')).toBe('cuti_bersama');
    expect(isWorkingDay('2026-03-24', holidays)).toBe(false); // Tuesday, Idul Fitri leave
    expect(isWorkingDay('2026-03-24', none)).toBe(true);
  });

  it('refuses strings that are not real dates', () => {
    expect(() => isWorkingDay('2026-02-30', none)).toThrow(RangeError);
    expect(() => isWorkingDay('9 Jan 2026', none)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('skips the weekend', () => {
    const friday = wib('2026-01-09T10:00');
    expect(addWorkingDays(friday, 1, holidays)).toEqual(endOf('2026-01-12'));
    expect(addWorkingDays(friday, 3, holidays)).toEqual(endOf('2026-01-14'));
  });

  it('returns the end of the deadline day in WIB as an instant', () => {
    expect(addWorkingDays(wib('2026-01-09T10:00'), 1, holidays).toISOString()).toBe('2026-01-12T16:59:59.999Z');
  });

  it('skips Nyepi and Idul Fitri 2026: holidays, cuti bersama and the weekend between', () => {
    // 18 Mar cuti bersama, 19 Nyepi, 20 cuti bersama, 21–22 Idul Fitri (weekend), 23–24 cuti bersama.
    const tuesday = wib('2026-03-17T09:00');
    expect(addWorkingDays(tuesday, 1, holidays)).toEqual(endOf('2026-03-25'));
    expect(addWorkingDays(tuesday, 3, holidays)).toEqual(endOf('2026-03-27'));
    expect(addWorkingDays(tuesday, 3, none)).toEqual(endOf('2026-03-20'));
  });

  it('skips Imlek 2026: cuti bersama on Monday, holiday on Tuesday', () => {
    expect(addWorkingDays(wib('2026-02-13T15:00'), 1, holidays)).toEqual(endOf('2026-02-18'));
  });

  it('counts from the WIB date when the instant is still the previous day in UTC', () => {
    const lateThursdayUtc = new Date('2026-01-08T20:00:00Z'); // Friday 03:00 WIB
    expect(addWorkingDays(lateThursdayUtc, 1, holidays)).toEqual(endOf('2026-01-12'));
  });

  it('with 0 days ends on the same day if it is a working day', () => {
    expect(addWorkingDays(wib('2026-01-09T10:00'), 0, holidays)).toEqual(endOf('2026-01-09'));
  });

  it('with 0 days ends on the next working day otherwise', () => {
    expect(addWorkingDays(new Date('2026-01-09T20:00:00Z'), 0, holidays)).toEqual(endOf('2026-01-12')); // Saturday in WIB
    expect(addWorkingDays(wib('2026-03-21T08:00'), 0, holidays)).toEqual(endOf('2026-03-25')); // Idul Fitri
  });

  it('refuses negative or fractional day counts', () => {
    expect(() => addWorkingDays(wib('2026-01-09T10:00'), -1, holidays)).toThrow(RangeError);
    expect(() => addWorkingDays(wib('2026-01-09T10:00'), 1.5, holidays)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('is 0 when to is not after from, or on the same WIB day', () => {
    const at = wib('2026-01-09T10:00');
    expect(workingDaysBetween(at, at, holidays)).toBe(0);
    expect(workingDaysBetween(at, wib('2026-01-08T10:00'), holidays)).toBe(0);
    expect(workingDaysBetween(at, wib('2026-01-09T23:00'), holidays)).toBe(0);
  });

  it('counts working days after from up to and including to', () => {
    expect(workingDaysBetween(wib('2026-01-09T10:00'), wib('2026-01-12T08:00'), holidays)).toBe(1);
    expect(workingDaysBetween(wib('2026-03-17T09:00'), wib('2026-03-27T09:00'), holidays)).toBe(3);
    expect(workingDaysBetween(wib('2026-03-17T09:00'), wib('2026-03-24T09:00'), holidays)).toBe(0);
  });

  it('agrees with addWorkingDays: the deadline is exactly n working days later', () => {
    for (const from of [wib('2026-01-09T10:00'), wib('2026-03-17T09:00'), wib('2026-12-23T16:00'), wib('2026-03-21T08:00')]) {
      for (let n = 1; n <= 15; n++) {
        expect(workingDaysBetween(from, addWorkingDays(from, n, holidays), holidays)).toBe(n);
      }
    }
  });
});
