import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bbox, findContaining, pointInGeometry, type FeatureCollection, type MultiPolygon, type Polygon } from './geo.js';

const data = (file: string) => fs.readFileSync(path.resolve(process.cwd(), 'seed/regions', file), 'utf8');
type Region = { kode: string; nama: string };
const city = (JSON.parse(data('dumai_kota.geojson')) as FeatureCollection<Region>).features[0]!;
const kelurahan = (JSON.parse(data('dumai_kelurahan.geojson')) as FeatureCollection<Region>).features;
const centroids = data('dumai_kelurahan_centroid.csv')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [kode, nama, lat, lng] = line.split(',');
    return { kode: kode!, nama: nama!, lat: Number(lat), lng: Number(lng) };
  });

/** A 10×10 square with a 4×4 hole in the middle. */
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
    [[3, 3], [3, 7], [7, 7], [7, 3], [3, 3]],
  ],
};
const twoIslands: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
    [[[5, 5], [6, 5], [6, 6], [5, 6], [5, 5]]],
  ],
};

describe('pointInGeometry', () => {
  it('respects holes', () => {
    expect(pointInGeometry(1, 1, square)).toBe(true);
    expect(pointInGeometry(5, 5, square)).toBe(false);
    expect(pointInGeometry(8, 5, square)).toBe(true);
    expect(pointInGeometry(11, 5, square)).toBe(false);
  });

  it('accepts a point in any part of a MultiPolygon', () => {
    expect(pointInGeometry(0.5, 0.5, twoIslands)).toBe(true);
    expect(pointInGeometry(5.5, 5.5, twoIslands)).toBe(true);
    expect(pointInGeometry(3, 3, twoIslands)).toBe(false);
  });

  it('places the city centroid inside Kota Dumai', () => {
    expect(pointInGeometry(101.28229, 1.82076, city.geometry)).toBe(true);
  });

  it('places Pekanbaru and the open sea outside Kota Dumai', () => {
    expect(pointInGeometry(101.4478, 0.5071, city.geometry)).toBe(false); // Pekanbaru
    expect(pointInGeometry(100.9, 2.6, city.geometry)).toBe(false); // Strait of Malacca
  });

  it('places Rupat island, inside the city bounding box, outside the city', () => {
    const [minLng, minLat, maxLng, maxLat] = bbox(city.geometry);
    const [lng, lat] = [101.6, 1.85];
    expect(lng > minLng && lng < maxLng && lat > minLat && lat < maxLat).toBe(true);
    expect(pointInGeometry(lng, lat, city.geometry)).toBe(false);
  });

  it('places every kelurahan centroid in its own polygon', () => {
    expect(centroids).toHaveLength(33);
    for (const c of centroids) {
      const own = kelurahan.find((f) => f.properties.kode === c.kode);
      expect(own, c.nama).toBeDefined();
      expect(pointInGeometry(c.lng, c.lat, own!.geometry), c.nama).toBe(true);
    }
  });
});

describe('bbox', () => {
  it('spans the outer rings of all parts', () => {
    expect(bbox(square)).toEqual([0, 0, 10, 10]);
    expect(bbox(twoIslands)).toEqual([0, 0, 6, 6]);
  });

  it('matches the documented extent of Kota Dumai', () => {
    expect(bbox(city.geometry)).toEqual([101.01016, 1.44719, 101.72499, 2.2341]);
  });
});

describe('findContaining', () => {
  it('finds the kelurahan of every centroid, and that it lies inside the city', () => {
    for (const c of centroids) {
      expect(findContaining(c.lng, c.lat, kelurahan)?.kode, c.nama).toBe(c.kode);
      expect(pointInGeometry(c.lng, c.lat, city.geometry), c.nama).toBe(true);
    }
  });

  it('returns undefined outside every feature', () => {
    expect(findContaining(101.4478, 0.5071, kelurahan)).toBeUndefined();
    expect(findContaining(5, 5, [{ geometry: square, properties: 'square' }])).toBeUndefined();
  });

  it('returns the properties of the first feature that contains the point', () => {
    const features = [
      { geometry: twoIslands, properties: { name: 'islands' } },
      { geometry: square, properties: { name: 'square' } },
    ];
    expect(findContaining(0.5, 0.5, features)).toEqual({ name: 'islands' });
    expect(findContaining(8, 5, features)).toEqual({ name: 'square' });
  });
});
