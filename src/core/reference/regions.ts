import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { findContaining, pointInGeometry, type Geometry } from '../geo/geo.js';
import { cities, kelurahan } from './schema.js';
import type { AppContext } from '../context.js';
import { referenceCache } from './cache.js';

interface Regions {
  city: Geometry | null;
  kelurahan: { geometry: Geometry; properties: { code: string } }[];
  codes: Set<string>;
}

/** Boundaries change by decree a few times a decade; the admin's boundary edit drops the copy. */
export const regionsCache = referenceCache(600_000, async (ctx, db): Promise<Regions> => {
  const [city] = await db.select({ boundary: cities.boundary }).from(cities).where(eq(cities.code, ctx.config.city.code));
  const kel = await db.select({ code: kelurahan.code, boundary: kelurahan.boundary }).from(kelurahan);
  return {
    city: city?.boundary ?? null,
    kelurahan: kel.flatMap((k) => (k.boundary ? [{ geometry: k.boundary, properties: { code: k.code } }] : [])),
    codes: new Set(kel.map((k) => k.code)),
  };
});

export async function insideCity(ctx: AppContext, db: Db, lng: number, lat: number): Promise<boolean> {
  const r = await regionsCache.get(ctx, db);
  return r.city ? pointInGeometry(lng, lat, r.city) : true;
}

/** The kelurahan whose boundary holds the point; undefined where none does (kelurahan without geometry). */
export async function kelurahanAt(ctx: AppContext, db: Db, lng: number, lat: number): Promise<string | undefined> {
  return findContaining(lng, lat, (await regionsCache.get(ctx, db)).kelurahan)?.code;
}

export async function kelurahanExists(ctx: AppContext, db: Db, code: string): Promise<boolean> {
  return (await regionsCache.get(ctx, db)).codes.has(code);
}

/** Every kelurahan with its centre point, in code order. */
export const allKelurahan = (db: Db) => db.select().from(kelurahan).orderBy(kelurahan.code);
