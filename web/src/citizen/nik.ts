import type { Message } from '../lib/i18n';

/**
 * The server's NIK rules (src/core/nik/nik.ts) repeated for instant feedback while typing; the
 * server still decides. Returns the reason a NIK is refused, or undefined when it looks right.
 */
const PROVINCES = new Set('11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 51 52 53 61 62 63 64 65 71 72 73 74 75 76 81 82 91 92 94 95 96 97'.split(' '));

function realDate(year: number, month: number, day: number): string | undefined {
  const iso = new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
  const wanted = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return iso === wanted ? iso : undefined;
}

export function nikProblem(raw: string, opts: { cityPrefix?: string | undefined; kecamatanCodes?: ReadonlySet<string> | undefined; today?: Date }): Message | undefined {
  const nik = raw.replace(/\s+/g, '');
  if (!/^\d{16}$/.test(nik)) return { id: 'NIK harus terdiri dari 16 digit angka.', en: 'The NIK must be exactly 16 digits.' };
  if (!PROVINCES.has(nik.slice(0, 2)) || nik.slice(2, 4) === '00' || nik.slice(4, 6) === '00') {
    return { id: 'Kode wilayah pada NIK (6 digit pertama) tidak valid.', en: 'The region code in the NIK (first 6 digits) is not valid.' };
  }
  const dd = Number(nik.slice(6, 8));
  const day = dd > 40 ? dd - 40 : dd;
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const todayWib = new Date((opts.today ?? new Date()).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  const born = [2000, 1900].map((c) => realDate(c + yy, month, day)).find((d) => d !== undefined && d <= todayWib);
  if (!born) {
    return { id: 'Tanggal lahir pada NIK tidak valid. Periksa kembali digit ke-7 sampai ke-12.', en: 'The birth date in the NIK is not valid. Check digits 7 to 12.' };
  }
  if (nik.slice(12) === '0000') return { id: 'Nomor urut pada NIK (4 digit terakhir) tidak valid.', en: 'The serial number in the NIK (last 4 digits) is not valid.' };
  if (opts.cityPrefix && !nik.startsWith(opts.cityPrefix)) {
    return {
      id: `Pendaftaran hanya untuk penduduk kota ini (NIK berawalan ${opts.cityPrefix}).`,
      en: `Registration is only for residents of this city (NIK starting with ${opts.cityPrefix}).`,
    };
  }
  if (opts.kecamatanCodes && !opts.kecamatanCodes.has(nik.slice(4, 6))) {
    return { id: 'Kode kecamatan pada NIK (digit ke-5 dan ke-6) tidak dikenal di kota ini.', en: 'The kecamatan code in the NIK (digits 5 and 6) is not known in this city.' };
  }
  return undefined;
}
