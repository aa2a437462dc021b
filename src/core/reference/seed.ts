import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/client.js';
import type { Geometry } from '../geo/geo.js';
import { cities, holidays, kecamatan, kelurahan, opds, roads } from './schema.js';
import { DEFAULT_OPDS, DEFAULT_ROADS } from './seed-data.js';

const seedDir = fileURLToPath(new URL('../../../seed/', import.meta.url));

function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(seedDir + file, 'utf8').trim().split(/\r?\n/);
  const cols = (header ?? '').split(',');
  // The seed files have no quoted commas; a general CSV parser would be dead weight here.
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [cols[i], v])));
}

function readFeatures(file: string): Map<string, Geometry> {
  const fc = JSON.parse(fs.readFileSync(seedDir + file, 'utf8')) as {
    features: { properties: { kode: string }; geometry: Geometry }[];
  };
  return new Map(fc.features.map((f) => [f.properties.kode, f.geometry]));
}

/**
 * Reference data of Kota Dumai: city, kecamatan, kelurahan (with boundaries where the source has
 * them), OPDs, holidays and roads. Inserts only what is missing, so a super admin's edits survive
 * restarts.
 */
export async function seedReferenceData(db: Db): Promise<void> {
  const [cityRow] = readCsv('regions/dumai_kota_centroid.csv');
  if (!cityRow) throw new Error('seed/regions/dumai_kota_centroid.csv is empty');
  const cityBoundary = readFeatures('regions/dumai_kota.geojson').get(cityRow.kode_kota!);
  await db
    .insert(cities)
    .values({ code: cityRow.kode_kota!, name: cityRow.nama_kota!, lat: Number(cityRow.lat), lng: Number(cityRow.lng), boundary: cityBoundary ?? null })
    .onConflictDoNothing();

  const kecCentres = readCsv('regions/dumai_kecamatan_centroid.csv');
  const centreOfKec = new Map(kecCentres.map((k) => [k.kode_kecamatan!, { lat: Number(k.lat), lng: Number(k.lng) }]));
  const kelRows = readCsv('regions/dumai_kelurahan.csv');
  const kecNames = new Map(kelRows.map((k) => [k.kode_kecamatan!, k.nama_kecamatan!]));
  await db
    .insert(kecamatan)
    .values([...kecNames].map(([code, name]) => ({ code, name, cityCode: cityRow.kode_kota!, ...centreOfKec.get(code) })))
    .onConflictDoNothing();

  const kelCentres = new Map(readCsv('regions/dumai_kelurahan_centroid.csv').map((k) => [k.kode_kelurahan!, { lat: Number(k.lat), lng: Number(k.lng) }]));
  const kelShapes = readFeatures('regions/dumai_kelurahan.geojson');
  await db
    .insert(kelurahan)
    .values(
      kelRows.map((k) => ({
        code: k.kode_kelurahan!,
        kecamatanCode: k.kode_kecamatan!,
        name: k.nama_kelurahan!,
        // The three newest kelurahan have no geometry yet: their kecamatan's centre stands in.
        ...(kelCentres.get(k.kode_kelurahan!) ?? centreOfKec.get(k.kode_kecamatan!)),
        boundary: kelShapes.get(k.kode_kelurahan!) ?? null,
      })),
    )
    .onConflictDoNothing();

  await db.insert(opds).values(DEFAULT_OPDS.map((o) => ({ ...o }))).onConflictDoNothing();
  await db
    .insert(holidays)
    .values(
      readCsv('libur_nasional_cuti_bersama_2025_2026.csv').map((h) => ({
        date: h.tanggal!,
        kind: h.jenis as 'libur_nasional' | 'cuti_bersama',
        name: h.keterangan!,
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(roads)
    .values(DEFAULT_ROADS.map((r, i) => ({ ...r, sortOrder: i })))
    .onConflictDoNothing();
}
