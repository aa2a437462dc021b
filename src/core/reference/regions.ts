import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { findContaining, pointInGeometry, type Geometry } from '../geo/geo.js';
import { cities, kelurahan } from './schema.js';

interface Regions {
  city: Geometry | null;
  kelurahan: { geometry: Geometry; properties: { code: string } }[];
  codes: Set<string>;
}

let cache: { at: number; cityCode: string; regions: Promise<Regions> } | undefined;

async function load(db: Db, cityCode: string): Promise<Regions> {
  const [city] = await db.select({ boundary: cities.boundary }).from(cities).where(eq(cities.code, cityCode));
  const kel = await db.select({ code: kelurahan.code, boundary: kelurahan.boundary }).from(kelurahan);
  return {
    city: city?.boundary ?? null,
    kelurahan: kel.flatMap((k) => (k.boundary ? [{ geometry: k.boundary, properties: { code: k.code } }] : [])),
    codes: new Set(kel.map((k) => k.code)),
  };
}

/** Boundaries change by decree a few times a decade: keep them in memory, refresh every ten minutes. */
function regions(db: Db, cityCode: string): Promise<Regions> {
  if (!cache || cache.cityCode !== cityCode || Date.now() - cache.at > 600_000) {
    cache = { at: Date.now(), cityCode, regions: load(db, cityCode) };
    cache.regions.catch(() => (cache = undefined));
  }
  return cache.regions;
}

export function invalidateRegions(): void {
  cache = undefined;
}

export async function insideCity(db: Db, cityCode: string, lng: number, lat: number): Promise<boolean> {
  const r = await regions(db, cityCode);
  return r.city ? pointInGeometry(lng, lat, r.city) : true;
}

/** The kelurahan whose boundary holds the point; undefined where none does (kelurahan without geometry). */
export async function kelurahanAt(db: Db, cityCode: string, lng: number, lat: number): Promise<string | undefined> {
  return findContaining(lng, lat, (await regions(db, cityCode)).kelurahan)?.code;
}

export async function kelurahanExists(db: Db, cityCode: string, code: string): Promise<boolean> {
  return (await regions(db, cityCode)).codes.has(code);
}
