/**
 * Which government must repair a road: the city repairs city roads; national roads are the
 * ministry's (APBN) and provincial roads the province's (APBD Riau). A report names the road, or
 * its point lies on a road whose geometry is registered.
 */
import type { Road } from '../core/reference/roads.js';

type Level = 'kota' | 'provinsi' | 'nasional';
const ON_ROAD_METRES = 25;

/** Metres from a point to a polyline, on a local flat projection (fine at city scale). */
export function distanceToLine(lng: number, lat: number, line: readonly [number, number][]): number {
  const mPerDegLat = 111_320;
  const mPerDegLng = 111_320 * Math.cos((lat * Math.PI) / 180);
  const xy = ([x, y]: readonly [number, number]) => [(x - lng) * mPerDegLng, (y - lat) * mPerDegLat] as const;
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = xy(line[i - 1]!);
    const [bx, by] = xy(line[i]!);
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

export function jurisdictionOf(
  mapped: readonly Pick<Road, 'status' | 'geometry'>[],
  road: { status: Level } | undefined,
  lng: number,
  lat: number,
): Level {
  if (road) return road.status;
  const near = mapped.filter((r) => r.geometry && distanceToLine(lng, lat, r.geometry.coordinates) <= ON_ROAD_METRES);
  // At a junction the higher authority's road is the one that needs the outside repair.
  if (near.some((r) => r.status === 'nasional')) return 'nasional';
  if (near.some((r) => r.status === 'provinsi')) return 'provinsi';
  return 'kota';
}
