import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { maskNik, parseNik, type NikOptions } from './nik.js';

const today = new Date('2026-03-10T03:00:00Z');
const dumai: NikOptions = {
  cityPrefix: '1472',
  kecamatanCodes: new Set(['01', '02', '03', '04', '05', '06', '07']),
  today,
};

/** The AppError that parseNik throws for the input (fails the test if it does not throw one). */
function refusal(raw: string, opts: NikOptions = { today }): AppError {
  try {
    parseNik(raw, opts);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`parseNik accepted ${raw}`);
}

describe('parseNik', () => {
  it('accepts a Dumai NIK and reads its parts', () => {
    expect(parseNik('1472031203850002', dumai)).toEqual({
      nik: '1472031203850002',
      provinceCode: '14',
      cityCode: '1472',
      kecamatanCode: '147203',
      birthDate: '1985-03-12',
      sex: 'L',
      serial: '0002',
    });
  });

  it('reads a woman’s birth day as the day plus 40', () => {
    expect(parseNik('1472015708900001', dumai)).toMatchObject({ birthDate: '1990-08-17', sex: 'P' });
    expect(parseNik('1472014101000001', dumai)).toMatchObject({ birthDate: '2000-01-01', sex: 'P' });
    expect(parseNik('1472017112990001', dumai)).toMatchObject({ birthDate: '1999-12-31', sex: 'P' });
  });

  it('ignores spaces typed between digit groups', () => {
    expect(parseNik(' 1472 0312 0385 0002 ', dumai).nik).toBe('1472031203850002');
  });

  it('refuses anything but 16 digits: nik_format', () => {
    for (const raw of ['147203120385000', '14720312038500021', '14720312038500O2', '']) {
      const e = refusal(raw);
      expect([e.code, e.field, e.status]).toEqual(['nik_format', 'nik', 422]);
      expect(e.messages.id).toMatch(/16 digit/);
    }
  });

  it('refuses unknown provinces and zero city or kecamatan: nik_region', () => {
    for (const raw of ['1072031203850002', '2072031203850002', '9372031203850002', '1400031203850002', '1472001203850002']) {
      expect(refusal(raw).code).toBe('nik_region');
    }
    expect(parseNik('9771031203850002', { today }).provinceCode).toBe('97'); // Papua Barat Daya (2022)
  });

  it('refuses impossible birth dates: nik_birth_date', () => {
    for (const ddmmyy of ['000185', '320185', '400185', '720185', '310485', '011385', '010085']) {
      expect(refusal(`147203${ddmmyy}0002`).code).toBe('nik_birth_date');
    }
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseNik('1472032902240002', { today }).birthDate).toBe('2024-02-29');
    expect(parseNik('1472032902000002', { today }).birthDate).toBe('2000-02-29');
    expect(parseNik('1472036902880002', { today })).toMatchObject({ birthDate: '1988-02-29', sex: 'P' });
    expect(refusal('1472032902250002').code).toBe('nik_birth_date');
    expect(refusal('1472036902230002').code).toBe('nik_birth_date');
  });

  it('chooses the century that puts the birth date on or before today (in WIB)', () => {
    expect(parseNik('1472031003260002', { today }).birthDate).toBe('2026-03-10');
    expect(parseNik('1472031103260002', { today }).birthDate).toBe('1926-03-11');
    // 17:30 UTC on 10 March is already 11 March in WIB.
    expect(parseNik('1472031103260002', { today: new Date('2026-03-10T17:30:00Z') }).birthDate).toBe('2026-03-11');
  });

  it('refuses a birth date after today in either century', () => {
    expect(refusal('1472030107990002', { today: new Date('1999-06-01T00:00:00Z') }).code).toBe('nik_birth_date');
  });

  it('refuses serial 0000: nik_serial', () => {
    expect(refusal('1472031203850000').code).toBe('nik_serial');
  });

  it('refuses other cities when a prefix is configured: nik_not_resident', () => {
    const e = refusal('1471031203850002', dumai); // Pekanbaru
    expect([e.code, e.field]).toEqual(['nik_not_resident', 'nik']);
    expect(e.messages.id).toContain('hanya untuk penduduk');
    expect(e.messages.id).toContain('1472');
    expect(e.messages.en).toContain('only for residents');
    expect(e.messages.en).toContain('1472');
    expect(parseNik('1471031203850002', { today }).cityCode).toBe('1471');
  });

  it('refuses kecamatan codes the city does not have: nik_kecamatan', () => {
    expect(refusal('1472081203850002', dumai).code).toBe('nik_kecamatan');
    expect(parseNik('1472081203850002', { today }).kecamatanCode).toBe('147208');
  });
});

describe('maskNik', () => {
  it('shows the first 4 and last 2 digits', () => {
    expect(maskNik('1472015708900001')).toBe('1472**********01');
  });

  it('refuses to mask what is not a NIK', () => {
    expect(() => maskNik('12345')).toThrow();
  });
});
