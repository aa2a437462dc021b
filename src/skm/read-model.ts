/**
 * skm's read model: the IKM per service unit and per OPD for any span of days, as the regulation
 * computes it, for the e-monev evaluation view and the transparency page. Counts only — no answer,
 * suggestion or invitation leaves the module, so no table is lent.
 */
import type { Db } from '../core/db/client.js';
import { computeIkm, display, type Grade } from './regulation.js';
import { periodBounds } from './results.js';
import * as q from './queries.js';

/** A span of whole days in Dumai (WIB), both ends included: a month, a quarter, a survey period. */
export interface IkmRange {
  startsOn: string;
  endsOn: string;
}

export interface IkmFigures {
  respondents: number;
  /** Σ NRR tertimbang (1–4), 4 places; null without any answer. */
  ikm: number | null;
  /** IKM × 25 (25–100), 2 places. */
  converted: number | null;
  grade: Grade | null;
  label: { id: string; en: string } | null;
}

export interface UnitIkm extends IkmFigures {
  unitId: number;
  kind: q.Unit['kind'];
  ref: string;
  name: string;
  opd: { id: number; code: string; name: string } | null;
  /** The unit published its results for a survey period of exactly this span. */
  published: boolean;
}

export interface OpdIkm extends IkmFigures {
  opd: { id: number; code: string; name: string };
  /** The OPD's units (its own counters and its Layanan services). */
  units: number;
}

function figures(totals: readonly number[], respondents: number): IkmFigures {
  const r = computeIkm(totals, respondents);
  return {
    respondents,
    ikm: r ? display.ikm(r.ikm) : null,
    converted: r ? display.converted(r.converted) : null,
    grade: r ? r.band.grade : null,
    label: r ? { id: r.band.id, en: r.band.en } : null,
  };
}

/** Every unit's IKM over the span (or one OPD's units), units without answers included with null figures. */
export async function ikmPerUnit(db: Db, range: IkmRange, filter: { opdId?: number } = {}): Promise<UnitIkm[]> {
  const { from, until } = periodBounds(range);
  const rows = await q.tallyPerUnit(db, from, until, range, filter.opdId);
  return rows.map((r) => ({
    unitId: r.unitId,
    kind: r.kind,
    ref: r.ref,
    name: r.name,
    opd: r.opdId === null ? null : { id: r.opdId, code: r.opdCode!, name: r.opdName! },
    published: r.published,
    ...figures(r.totals, r.respondents),
  }));
}

/**
 * Each OPD's IKM over the span: the regulation's computation over all answers given to the OPD's
 * units together (the respondent-weighted mean of its units' IKM). The city's desks belong to no OPD.
 */
export async function ikmPerOpd(db: Db, range: IkmRange, filter: { opdId?: number } = {}): Promise<OpdIkm[]> {
  const { from, until } = periodBounds(range);
  const byOpd = new Map<number, { opd: OpdIkm['opd']; units: number; respondents: number; totals: number[] }>();
  for (const r of await q.tallyPerUnit(db, from, until, range, filter.opdId)) {
    if (r.opdId === null) continue;
    const o = byOpd.get(r.opdId) ?? { opd: { id: r.opdId, code: r.opdCode!, name: r.opdName! }, units: 0, respondents: 0, totals: r.totals.map(() => 0) };
    o.units += 1;
    o.respondents += r.respondents;
    r.totals.forEach((t, i) => (o.totals[i]! += t));
    byOpd.set(r.opdId, o);
  }
  return [...byOpd.values()].sort((a, b) => a.opd.name.localeCompare(b.opd.name)).map((o) => ({ opd: o.opd, units: o.units, ...figures(o.totals, o.respondents) }));
}
