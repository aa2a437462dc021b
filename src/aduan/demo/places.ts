/**
 * Where the demo's reports happen: kelurahan centres with a little scatter, and the streets of each
 * kecamatan for titles and addresses. Street names follow seed paper 000 (protocol roads, national
 * and provincial roads) plus ordinary neighbourhood streets.
 */
import type { AppContext } from '../../core/context.js';
import type { Db } from '../../core/db/client.js';
import { allKelurahan, insideCity, kelurahanAt } from '../../core/reference/regions.js';
import type { Random } from '../../core/demo/random.js';

export interface Kelurahan {
  code: string;
  name: string;
  kecamatanCode: string;
  /** The kelurahan's centre, or its kecamatan's for the three without geometry. */
  lat: number;
  lng: number;
  /** Without a boundary the kelurahan cannot be derived from the point and must be named. */
  hasBoundary: boolean;
}

export async function loadKelurahan(db: Db): Promise<Kelurahan[]> {
  const rows = await allKelurahan(db);
  return rows.map((k) => {
    if (k.lat === null || k.lng === null) throw new Error(`kelurahan ${k.code} has no centre point`);
    return { code: k.code, name: k.name, kecamatanCode: k.kecamatanCode, lat: k.lat, lng: k.lng, hasBoundary: k.boundary !== null };
  });
}

/** Reports per kelurahan follow population: the four town kecamatan file far more than the rural three. */
export const KECAMATAN_WEIGHT: Record<string, number> = {
  '14.72.01': 2.5, // Dumai Barat
  '14.72.02': 3, // Dumai Timur
  '14.72.03': 1.2, // Bukit Kapur
  '14.72.04': 0.8, // Sungai Sembilan
  '14.72.05': 0.8, // Medang Kampai
  '14.72.06': 3, // Dumai Kota
  '14.72.07': 2.5, // Dumai Selatan
};

export const STREETS: Record<string, readonly string[]> = {
  '14.72.01': ['Jl. Budi Kemuliaan', 'Jl. Pangkalan Sesai', 'Jl. Arifin Ahmad', 'Jl. Nelayan Laut', 'Jl. Simpang Tetap', 'Jl. Kesehatan', 'Jl. Sidomulyo'],
  '14.72.02': ['Jl. Sultan Syarif Kasim', 'Jl. Ahmad Yani', 'Jl. Diponegoro', 'Jl. Teluk Binjai', 'Jl. Pelabuhan', 'Jl. Cempedak', 'Jl. Kelakap Tujuh'],
  '14.72.03': ['Jl. Raya Bukit Kapur', 'Jl. Bukit Nenas', 'Jl. Gurun Panjang', 'Jl. Bagan Besar', 'Jl. Kampung Baru', 'Jl. Poros Bukit Kayu Kapur'],
  '14.72.04': ['Jl. Tanjung Penyembal', 'Jl. Bangsal Aceh', 'Jl. Basilam Baru', 'Jl. Batu Teritip', 'Jl. Sungai Geniot', 'Jl. Lubuk Gaung'],
  '14.72.05': ['Jl. Raya Pelintung', 'Jl. Teluk Makmur', 'Jl. Mundam', 'Jl. Guntung', 'Jl. Sungai Mesjid'],
  '14.72.06': ['Jl. Jenderal Sudirman', 'Jl. Sultan Hasanuddin', 'Jl. Ombak', 'Jl. Bintan', 'Jl. Sukajadi', 'Jl. Pattimura', 'Jl. Hang Tuah', 'Jl. Tegalega'],
  '14.72.07': ['Jl. Raya Bukit Datuk', 'Jl. Gatot Subroto', 'Jl. Tuanku Tambusai', 'Jl. Bumi Ayu', 'Jl. Mekar Sari', 'Jl. Ratu Sima', 'Jl. Perwira'],
};

/** Lanes into housing areas: the small roads and drains that Perkim looks after. */
export const LANES = ['Gg. Mawar', 'Gg. Melati', 'Gg. Damai', 'Gg. Keluarga', 'Gg. Bersama', 'Gg. Sepakat', 'Gg. Nangka', 'Gg. Teratai', 'Gg. Family', 'Gg. Swadaya'];

export const LANDMARKS = [
  'dekat masjid',
  'dekat SD negeri',
  'dekat simpang lampu merah',
  'dekat pasar',
  'depan puskesmas',
  'samping minimarket',
  'dekat kantor lurah',
  'depan gereja',
  'dekat jembatan',
  'depan kedai kopi',
  'dekat pangkalan ojek',
  'depan sekolah',
];

/**
 * National and provincial roads (names as in seed-data.ts) with the kelurahan they run through, for
 * road-damage reports the city may not repair.
 */
export const OUTSIDE_ROADS: readonly { road: string; kelurahan: readonly string[] }[] = [
  { road: 'Jalan Soekarno-Hatta', kelurahan: ['14.72.02.1009', '14.72.02.1002'] },
  { road: 'Jalan Datuk Laksamana', kelurahan: ['14.72.06.1001', '14.72.06.1002'] },
  { road: 'Jalan Putri Tujuh', kelurahan: ['14.72.02.1002', '14.72.02.1006'] },
  { road: 'Jalan Raya Bukit Timah', kelurahan: ['14.72.07.1002'] },
  { road: 'Jalan Simpang Perwira - Bukit Timah', kelurahan: ['14.72.07.1002', '14.72.07.1004'] },
  { road: 'Jalan Simpang Terminal AKAP - Purnama', kelurahan: ['14.72.01.1006', '14.72.01.1008'] },
  { road: 'Jalan Lintas Dumai - Lubuk Gaung - Sinaboi', kelurahan: ['14.72.04.1001', '14.72.04.1002', '14.72.04.1004'] },
  { road: 'Jalan Purnama', kelurahan: ['14.72.01.1006'] },
  { road: 'Jalan Lintas Dumai - Sepahat', kelurahan: ['14.72.05.1001', '14.72.05.1003', '14.72.05.1004'] },
];

export interface Point {
  lat: number;
  lng: number;
}

const M_PER_DEG = 111_320;

/** Points within `radius` metres of the centre, nearest tries last; the first inside its kelurahan wins. */
export function scatter(rand: Random, centre: Point, radius: number, tries = 6): Point[] {
  return Array.from({ length: tries }, (_, i) => {
    // sqrt spreads points evenly over the disc; later tries shrink towards the centre.
    const r = radius * Math.sqrt(rand.next()) * (1 - i / tries);
    const angle = rand.between(0, 2 * Math.PI);
    const lat = centre.lat + (r * Math.sin(angle)) / M_PER_DEG;
    const lng = centre.lng + (r * Math.cos(angle)) / (M_PER_DEG * Math.cos((centre.lat * Math.PI) / 180));
    return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
  });
}

/**
 * The first candidate inside the city and, where the kelurahan has a boundary, inside it. Failing
 * that the centre, with the kelurahan named explicitly (as a reporter corrects a derived one).
 */
export async function locate(
  ctx: AppContext,
  db: Db,
  kel: Kelurahan,
  candidates: readonly Point[],
): Promise<Point & { kelurahanCode?: string }> {
  for (const p of candidates) {
    if (!(await insideCity(ctx, db, p.lng, p.lat))) continue;
    if (!kel.hasBoundary) return { ...p, kelurahanCode: kel.code };
    if ((await kelurahanAt(ctx, db, p.lng, p.lat)) === kel.code) return p;
  }
  if (!(await insideCity(ctx, db, kel.lng, kel.lat))) throw new Error(`centre of kelurahan ${kel.code} lies outside the city`);
  return { lat: kel.lat, lng: kel.lng, kelurahanCode: kel.code };
}
