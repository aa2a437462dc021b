/**
 * NIK (Nomor Induk Kependudukan) checks. Registration is limited to the city's residents, and the
 * NIK is the only proof of that we have before Disdukcapil verification, so we reject what cannot
 * be a real NIK and tell the citizen which part is wrong.
 * Layout: province(2) city(2) kecamatan(2) birth date DDMMYY, women's day + 40 (6) serial(4).
 */
import { invalid } from '../errors.js';
import { wibDate } from '../calendar/working-days.js';

export interface NikInfo {
  nik: string;
  provinceCode: string;
  /** Province + city, e.g. '1472'. */
  cityCode: string;
  /** Province + city + kecamatan, e.g. '147201'. */
  kecamatanCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'L' | 'P';
  serial: string;
}

export interface NikOptions {
  /** The tenant city's 4-digit prefix, e.g. '1472'; when given, other cities' NIKs are refused. */
  cityPrefix?: string | undefined;
  /** 2-digit codes of the city's kecamatan, e.g. '01'..'07'. */
  kecamatanCodes?: ReadonlySet<string> | undefined;
  today: Date;
}

/** Kemendagri province codes (including the Papua provinces created in 2022). */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '21',
  '31', '32', '33', '34', '35', '36', '51', '52', '53',
  '61', '62', '63', '64', '65', '71', '72', '73', '74', '75', '76',
  '81', '82', '91', '92', '94', '95', '96', '97',
]);

const fail = (code: string, id: string, en: string) => invalid(code, id, en, 'nik');

/** The YYYY-MM-DD for the numbers, or undefined when no such day exists (e.g. 29 Feb 2025). */
function realDate(year: number, month: number, day: number): string | undefined {
  const iso = new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
  const wanted = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return iso === wanted ? iso : undefined;
}

/** The birth date and sex encoded in DDMMYY; the century is the latest that is not in the future. */
function birth(ddmmyy: string, today: Date): { birthDate: string; sex: 'L' | 'P' } {
  const dd = Number(ddmmyy.slice(0, 2));
  const sex = dd > 40 ? 'P' : 'L';
  const day = sex === 'P' ? dd - 40 : dd;
  const month = Number(ddmmyy.slice(2, 4));
  const yy = Number(ddmmyy.slice(4, 6));
  const todayWib = wibDate(today);
  // Trying 20YY before 19YY also keeps 29 Feb 2000 (leap) from falling back to 1900 (not leap).
  const birthDate = [2000, 1900]
    .map((century) => realDate(century + yy, month, day))
    .find((date) => date !== undefined && date <= todayWib);
  if (!birthDate) {
    throw fail(
      'nik_birth_date',
      'Tanggal lahir pada NIK tidak valid. Periksa kembali digit ke-7 sampai ke-12.',
      'The birth date in the NIK is not valid. Check digits 7 to 12.',
    );
  }
  return { birthDate, sex };
}

export function parseNik(raw: string, opts: NikOptions): NikInfo {
  // People copy NIKs from documents with spaces between digit groups.
  const nik = raw.replace(/\s+/g, '');
  if (!/^\d{16}$/.test(nik)) {
    throw fail('nik_format', 'NIK harus terdiri dari 16 digit angka.', 'The NIK must be exactly 16 digits.');
  }
  const provinceCode = nik.slice(0, 2);
  if (!PROVINCES.has(provinceCode) || nik.slice(2, 4) === '00' || nik.slice(4, 6) === '00') {
    throw fail(
      'nik_region',
      'Kode wilayah pada NIK (6 digit pertama) tidak valid.',
      'The region code in the NIK (first 6 digits) is not valid.',
    );
  }
  const { birthDate, sex } = birth(nik.slice(6, 12), opts.today);
  const serial = nik.slice(12);
  if (serial === '0000') {
    throw fail('nik_serial', 'Nomor urut pada NIK (4 digit terakhir) tidak valid.', 'The serial number in the NIK (last 4 digits) is not valid.');
  }
  if (opts.cityPrefix !== undefined && !nik.startsWith(opts.cityPrefix)) {
    throw fail(
      'nik_not_resident',
      `Pendaftaran hanya untuk penduduk kota ini (NIK berawalan ${opts.cityPrefix}).`,
      `Registration is only for residents of this city (NIK starting with ${opts.cityPrefix}).`,
    );
  }
  if (opts.kecamatanCodes !== undefined && !opts.kecamatanCodes.has(nik.slice(4, 6))) {
    throw fail(
      'nik_kecamatan',
      'Kode kecamatan pada NIK (digit ke-5 dan ke-6) tidak dikenal di kota ini.',
      'The kecamatan code in the NIK (digits 5 and 6) is not known in this city.',
    );
  }
  return { nik, provinceCode, cityCode: nik.slice(0, 4), kecamatanCode: nik.slice(0, 6), birthDate, sex, serial };
}

/** For display and audit: enough to recognise one's own NIK, not enough to reuse it. */
export function maskNik(nik: string): string {
  // Masking anything else could reveal a short or malformed value whole.
  if (!/^\d{16}$/.test(nik)) throw new Error('maskNik expects a 16-digit NIK');
  return `${nik.slice(0, 4)}${'*'.repeat(10)}${nik.slice(-2)}`;
}
