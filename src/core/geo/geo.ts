/**
 * Point-in-polygon for the city's boundaries (GeoJSON, coordinates [lng, lat]): is a reported point
 * inside the city, and in which kelurahan. Planar maths on degrees is exact enough at this scale
 * (a city a hundred kilometres across, near the equator).
 */

export type Position = readonly [lng: number, lat: number];
/** A closed ring: the first position is repeated as the last. */
export type Ring = readonly Position[];

export interface Polygon {
  type: 'Polygon';
  /** The outer ring, then any holes. */
  coordinates: readonly Ring[];
}

export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: readonly (readonly Ring[])[];
}

export type Geometry = Polygon | MultiPolygon;

export interface Feature<P> {
  type: 'Feature';
  geometry: Geometry;
  properties: P;
}

export interface FeatureCollection<P> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}

export type BBox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

function polygons(geometry: Geometry): readonly (readonly Ring[])[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Whether a horizontal ray from the point crosses the ring an odd number of times. */
function crossesOddly(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Even-odd rule over all rings of each polygon, so a point in a hole is outside. Points exactly on
 * an edge may fall either way; for adjoining kelurahan that only matters on the shared border.
 */
export function pointInGeometry(lng: number, lat: number, geometry: Geometry): boolean {
  return polygons(geometry).some((rings) => rings.filter((ring) => crossesOddly(lng, lat, ring)).length % 2 === 1);
}

export function bbox(geometry: Geometry): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of polygons(geometry)) {
    // Holes lie inside the outer ring, so the outer ring alone bounds a polygon.
    for (const [lng, lat] of rings[0] ?? []) {
      box[0] = Math.min(box[0], lng);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lng);
      box[3] = Math.max(box[3], lat);
    }
  }
  return box;
}

/** Callers keep their boundaries in memory, so each box is computed once per geometry object. */
const boxes = new WeakMap<Geometry, BBox>();

function cachedBBox(geometry: Geometry): BBox {
  let box = boxes.get(geometry);
  if (!box) boxes.set(geometry, (box = bbox(geometry)));
  return box;
}

/**
 * The properties of the feature containing the point, or undefined if none does. Where features
 * overlap (a new kelurahan drawn before its parent's old polygon is redrawn) the one with the
 * smallest box wins: the newer, more specific area.
 */
export function findContaining<T>(
  lng: number,
  lat: number,
  features: ReadonlyArray<{ geometry: Geometry; properties: T }>,
): T | undefined {
  let best: { area: number; properties: T } | undefined;
  for (const f of features) {
    const [minLng, minLat, maxLng, maxLat] = cachedBBox(f.geometry);
    if (lng < minLng || lng > maxLng || lat < minLat || lat > maxLat || !pointInGeometry(lng, lat, f.geometry)) continue;
    const area = (maxLng - minLng) * (maxLat - minLat);
    if (!best || area < best.area) best = { area, properties: f.properties };
  }
  return best?.properties;
}
