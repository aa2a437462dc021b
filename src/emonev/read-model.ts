/**
 * e-monev's read model: each OPD's budget and realisation for a year, from the accepted reports only
 * (what the desk checked), for the transparency page. Figures only — no report text, photo or
 * officer leaves the module, so no table is lent.
 */
import type { Db } from '../core/db/client.js';
import { realisationPerOpd } from './queries.js';

export interface OpdRealisation {
  opd: { id: number; code: string; name: string };
  year: number;
  subActivities: number;
  /** Of them, with an accepted report. */
  reported: number;
  /** DPA budget, Rp. */
  budget: number;
  /** Spent (cumulative, latest accepted report of each sub-kegiatan), Rp. */
  financialRp: number;
  /** financialRp / budget × 100, 2 places; null without a budget. */
  financialPct: number | null;
  /** Budget-weighted physical progress, %, 2 places; null without a budget. */
  physicalPct: number | null;
}

const pct = (x: number) => Math.round(x * 100) / 100;

/** Every OPD with a DPA in `year`, by name. */
export async function realisationByOpd(db: Db, year: number): Promise<OpdRealisation[]> {
  return (await realisationPerOpd(db, year)).map((r) => ({
    opd: { id: r.opdId, code: r.opdCode, name: r.opdName },
    year,
    subActivities: r.subActivities,
    reported: r.reported,
    budget: Number(r.budget),
    financialRp: Number(r.financialRp),
    financialPct: r.budget > 0 ? pct((Number(r.financialRp) / Number(r.budget)) * 100) : null,
    physicalPct: r.budget > 0 ? pct(Number(r.physicalWeighted) / Number(r.budget)) : null,
  }));
}
