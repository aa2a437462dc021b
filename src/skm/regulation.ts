/**
 * The Survei Kepuasan Masyarakat as PermenPANRB 14/2017 computes it, as plain functions: the nine
 * unsur, the average per unsur (NRR), its weight 1/9, the unit's IKM, its conversion ×25, the
 * quality band of the regulation's interval table, and the minimum sample (Krejcie & Morgan).
 */

/** The nine unsur of the regulation (Lampiran, huruf B), in its order U1–U9. */
export const UNSUR = [
  { code: 'U1', id: 'Persyaratan', en: 'Requirements' },
  { code: 'U2', id: 'Sistem, mekanisme, dan prosedur', en: 'System, mechanism and procedure' },
  { code: 'U3', id: 'Waktu penyelesaian', en: 'Completion time' },
  { code: 'U4', id: 'Biaya/tarif', en: 'Cost/tariff' },
  { code: 'U5', id: 'Produk spesifikasi jenis pelayanan', en: 'Product specification of the service' },
  { code: 'U6', id: 'Kompetensi pelaksana', en: 'Competence of the officers' },
  { code: 'U7', id: 'Perilaku pelaksana', en: 'Conduct of the officers' },
  { code: 'U8', id: 'Penanganan pengaduan, saran dan masukan', en: 'Handling of complaints, suggestions and input' },
  { code: 'U9', id: 'Sarana dan prasarana', en: 'Facilities and infrastructure' },
] as const;
export const UNSUR_COUNT = UNSUR.length;

/** Each unsur is answered on the regulation's four-point scale (1 tidak baik … 4 sangat baik). */
export const SCALE = [1, 2, 3, 4] as const;

/** The respondent's profile as the regulation's questionnaire asks it. */
export const SEXES = ['L', 'P'] as const;
export const AGE_BANDS = ['di_bawah_20', '20_29', '30_39', '40_49', '50_59', '60_ke_atas'] as const;
export const EDUCATIONS = ['sd', 'smp', 'sma', 'diploma', 's1', 's2_ke_atas'] as const;
export const OCCUPATIONS = ['pns', 'tni', 'polri', 'swasta', 'wirausaha', 'lainnya'] as const;

/**
 * The weight of each unsur: "bobot nilai rata-rata tertimbang = jumlah bobot / jumlah unsur = 1/9".
 * The regulation prints it as 0,111; the exact ninth is kept so that all fours convert to the
 * table's top, 100.00 (0.111 would stop at 99.90).
 */
export const WEIGHT = 1 / UNSUR_COUNT;
export const CONVERSION = 25;

export type Grade = 'A' | 'B' | 'C' | 'D';
export interface Band {
  grade: Grade;
  id: string;
  en: string;
  /** The interval on the 1–4 scale and its conversion, as the regulation's table prints them. */
  ikmFrom: number;
  ikmTo: number;
  convertedFrom: number;
  convertedTo: number;
}

/** The regulation's interval table (nilai persepsi 1–4). */
export const BANDS: readonly Band[] = [
  { grade: 'D', id: 'Tidak baik', en: 'Poor', ikmFrom: 1.0, ikmTo: 2.5996, convertedFrom: 25.0, convertedTo: 64.99 },
  { grade: 'C', id: 'Kurang baik', en: 'Fair', ikmFrom: 2.6, ikmTo: 3.064, convertedFrom: 65.0, convertedTo: 76.6 },
  { grade: 'B', id: 'Baik', en: 'Good', ikmFrom: 3.0644, ikmTo: 3.532, convertedFrom: 76.61, convertedTo: 88.3 },
  { grade: 'A', id: 'Sangat baik', en: 'Very good', ikmFrom: 3.5324, ikmTo: 4.0, convertedFrom: 88.31, convertedTo: 100.0 },
];

const round = (x: number, places: number): number => {
  const f = 10 ** places;
  return Math.round((x + Number.EPSILON) * f) / f;
};

/**
 * The band of a converted IKM. The raw intervals leave gaps (3.064 … 3.0644); the converted ones
 * meet at two decimals, so the band is read from the conversion rounded to two decimals.
 */
export function bandOf(converted: number): Band {
  const c = round(converted, 2);
  return BANDS.find((b) => c <= b.convertedTo) ?? BANDS[BANDS.length - 1]!;
}

export interface UnsurResult {
  code: string;
  id: string;
  en: string;
  /** Σ of the respondents' values for the unsur. */
  total: number;
  /** NRR: the total / the number of respondents. */
  nrr: number;
  /** NRR tertimbang: NRR × 1/9. */
  weighted: number;
}

export interface IkmResult {
  respondents: number;
  unsur: UnsurResult[];
  /** Σ NRR tertimbang, on the 1–4 scale. */
  ikm: number;
  /** IKM unit pelayanan: IKM × 25. */
  converted: number;
  band: Band;
}

/**
 * The regulation's computation over the totals per unsur (U1–U9) of `respondents` answers; null
 * without any answer (no index exists). Full precision throughout: the figures are rounded only for
 * display (NRR 2 places, weighted and IKM 4, conversion 2).
 */
export function computeIkm(totals: readonly number[], respondents: number): IkmResult | null {
  if (totals.length !== UNSUR_COUNT) throw new Error(`expected ${UNSUR_COUNT} unsur totals, got ${totals.length}`);
  if (respondents <= 0) return null;
  const unsur = UNSUR.map((u, i) => {
    const nrr = totals[i]! / respondents;
    return { code: u.code, id: u.id, en: u.en, total: totals[i]!, nrr, weighted: nrr * WEIGHT };
  });
  const ikm = unsur.reduce((s, u) => s + u.weighted, 0);
  const converted = ikm * CONVERSION;
  return { respondents, unsur, ikm, converted, band: bandOf(converted) };
}

/** The figures rounded as the regulation's report prints them. */
export const display = {
  nrr: (x: number) => round(x, 2),
  weighted: (x: number) => round(x, 4),
  ikm: (x: number) => round(x, 4),
  converted: (x: number) => round(x, 2),
};

/**
 * The minimum number of respondents for a unit serving `population` people in the period: Krejcie &
 * Morgan (1970), the table the regulation refers to — s = χ²NP(1−P) / (d²(N−1) + χ²P(1−P)) with
 * χ² = 3.841 (1 degree of freedom, 95%), P = 0.5 and d = 0.05, rounded to the nearest whole as the
 * published table is (100 → 80, 1,000 → 278).
 */
export function minimumSample(population: number): number {
  if (!Number.isFinite(population) || population < 0) throw new Error('population must be a non-negative number');
  const N = Math.floor(population);
  if (N === 0) return 0;
  const chi2 = 3.841;
  const pq = 0.25;
  const d2 = 0.0025;
  return Math.min(N, Math.round((chi2 * N * pq) / (d2 * (N - 1) + chi2 * pq)));
}
