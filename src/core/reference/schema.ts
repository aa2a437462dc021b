import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, serial, text } from 'drizzle-orm/pg-core';
import type { Geometry } from '../geo/geo.js';

/** The configured city (tenant) and its boundary; a report's point must lie inside it. */
export const cities = pgTable('cities', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  lat: doublePrecision('lat').notNull(),
  lng: doublePrecision('lng').notNull(),
  boundary: jsonb('boundary').$type<Geometry>(),
});

export const kecamatan = pgTable('kecamatan', {
  code: text('code').primaryKey(),
  cityCode: text('city_code').notNull().references(() => cities.code),
  name: text('name').notNull(),
  lat: doublePrecision('lat'),
  lng: doublePrecision('lng'),
});

export const kelurahan = pgTable(
  'kelurahan',
  {
    code: text('code').primaryKey(),
    kecamatanCode: text('kecamatan_code').notNull().references(() => kecamatan.code),
    name: text('name').notNull(),
    /** Centre point; the kecamatan's when the kelurahan has no geometry yet. */
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    boundary: jsonb('boundary').$type<Geometry>(),
  },
  (t) => [index('kelurahan_kecamatan_idx').on(t.kecamatanCode)],
);

export const opds = pgTable('opds', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  /** Diskominfo: the desk that triages every incoming report. */
  isTriage: boolean('is_triage').notNull().default(false),
  active: boolean('active').notNull().default(true),
});

export const holidays = pgTable('holidays', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: text('kind', { enum: ['libur_nasional', 'cuti_bersama'] }).notNull(),
  name: text('name').notNull(),
});

export const roads = pgTable('roads', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  /** Decides which government must repair it. */
  status: text('status', { enum: ['nasional', 'provinsi', 'kota'] }).notNull(),
  lengthKm: doublePrecision('length_km'),
  geometry: jsonb('geometry').$type<{ type: 'LineString'; coordinates: [number, number][] }>(),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
});
