/**
 * A unit's results for a period in the regulation's report layout: per unsur the total of its
 * values, its NRR and weighted NRR; the IKM, its conversion and the quality band; the respondents
 * against the minimum sample; their profile. Published results are for everyone and carry no
 * open suggestion (one may name someone); unpublished ones only for the unit's staff and the city's.
 */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { conflict, notFound } from '../core/errors.js';
import { audit } from '../core/audit/audit.js';
import { toCsv, type Cell } from '../core/export/csv.js';
import { toXlsx, XLSX_MIME } from '../core/export/xlsx.js';
import { renderPdf, table } from '../core/export/pdf.js';
import { BANDS, computeIkm, display, minimumSample, UNSUR } from './regulation.js';
import { mayPublish, mayReadRaw } from './access.js';
import { PERIOD, UNIT } from './messages.js';
import { unitFor } from './units.js';
import { tallyOf } from './tallies.js';
import * as q from './queries.js';

/** A period's instants: from its first day's midnight to the midnight after its last, in Dumai (WIB). */
export const periodBounds = (p: Pick<q.Period, 'startsOn' | 'endsOn'>) => {
  const from = new Date(`${p.startsOn}T00:00:00+07:00`);
  const until = new Date(new Date(`${p.endsOn}T00:00:00+07:00`).getTime() + 24 * 3600_000);
  return { from, until };
};

async function periodOf(ctx: AppContext, periodId: number): Promise<q.Period> {
  const period = await q.periodById(ctx.db, periodId);
  if (!period) throw notFound(PERIOD);
  return period;
}

export async function results(ctx: AppContext, p: Principal | null, periodId: number, unitId: number) {
  const period = await periodOf(ctx, periodId);
  const unit = await q.unitById(ctx.db, unitId);
  const published = unit && (await q.publication(ctx.db, periodId, unitId));
  if (!unit || (!published && !mayReadRaw(p, unit))) throw notFound(UNIT);
  const { from, until } = periodBounds(period);
  const t = await tallyOf(ctx, unit.id, from, until);
  const r = computeIkm(t.totals, t.respondents);
  const minimum = unit.population === null ? null : minimumSample(unit.population);
  return {
    unit: { id: unit.id, kind: unit.kind, name: unit.name },
    period: { id: period.id, name: period.name, startsOn: period.startsOn, endsOn: period.endsOn },
    publishedAt: published ? published.publishedAt.toISOString() : null,
    respondents: t.respondents,
    population: unit.population,
    minimumSample: minimum,
    sampleSufficient: minimum === null ? null : t.respondents >= minimum,
    unsur: UNSUR.map((u, i) => ({
      code: u.code,
      name: { id: u.id, en: u.en },
      total: t.totals[i]!,
      nrr: r ? display.nrr(r.unsur[i]!.nrr) : null,
      weighted: r ? display.weighted(r.unsur[i]!.weighted) : null,
    })),
    ikm: r ? display.ikm(r.ikm) : null,
    converted: r ? display.converted(r.converted) : null,
    band: r ? { grade: r.band.grade, label: { id: r.band.id, en: r.band.en } } : null,
    profile: ['sex', 'ageBand', 'education', 'occupation'].map((question) => ({
      question,
      counts: t.profile.filter((x) => x.question === question).map(({ value, n }) => ({ value, n })),
    })),
    intervals: BANDS.map((b) => ({ grade: b.grade, label: { id: b.id, en: b.en }, ikmFrom: b.ikmFrom, ikmTo: b.ikmTo, convertedFrom: b.convertedFrom, convertedTo: b.convertedTo })),
  };
}
export type Results = Awaited<ReturnType<typeof results>>;

const HEADERS = ['No', 'Unsur pelayanan', 'Jumlah nilai', 'NRR', 'NRR tertimbang'];
/** The regulation's table: one row per unsur, then the IKM, its conversion and the band. */
function rows(r: Results): Cell[][] {
  const fmt = (x: number | null) => (x === null ? '-' : x);
  return [
    ...r.unsur.map((u) => [u.code, u.name.id, u.total, fmt(u.nrr), fmt(u.weighted)]),
    ['', 'IKM (Σ NRR tertimbang)', '', '', fmt(r.ikm)],
    ['', 'IKM unit pelayanan (IKM × 25)', '', '', fmt(r.converted)],
    ['', 'Mutu pelayanan', '', '', r.band ? `${r.band.grade} (${r.band.label.id})` : '-'],
    ['', 'Jumlah responden', '', '', r.respondents],
    ['', 'Sampel minimum (Krejcie & Morgan)', '', '', r.minimumSample ?? '-'],
  ];
}

export type ResultsFormat = 'csv' | 'xlsx' | 'pdf';
export async function resultsFile(ctx: AppContext, p: Principal | null, periodId: number, unitId: number, format: ResultsFormat) {
  const r = await results(ctx, p, periodId, unitId);
  const name = `ikm-${r.unit.id}-${r.period.startsOn}-${r.period.endsOn}.${format}`;
  if (format === 'csv') return { name, mime: 'text/csv; charset=utf-8', data: toCsv(HEADERS, rows(r)) };
  if (format === 'xlsx') return { name, mime: XLSX_MIME, data: Buffer.from(toXlsx(HEADERS, rows(r), { sheetName: 'IKM' })) };
  const title = `Indeks Kepuasan Masyarakat — ${r.unit.name}`;
  const data = await renderPdf(title, (doc) => {
    doc.font('Helvetica-Bold').fontSize(13).text(title);
    doc.font('Helvetica').fontSize(10).text(`Periode ${r.period.name} (${r.period.startsOn} s.d. ${r.period.endsOn}) — PermenPANRB 14/2017`);
    doc.moveDown();
    table(doc, HEADERS, [30, 250, 70, 60, 105], rows(r).map((row) => row.map((c) => c ?? '')));
  });
  return { name, mime: 'application/pdf', data };
}

export async function publishResults(ctx: AppContext, p: Principal, periodId: number, unitId: number) {
  const period = await periodOf(ctx, periodId);
  const now = ctx.clock();
  if (periodBounds(period).until.getTime() > now.getTime()) throw conflict('period_not_ended', 'Hasil baru dapat diumumkan setelah periode berakhir.', 'Results can be published only after the period ends.');
  await ctx.db.transaction(async (tx) => {
    const unit = await unitFor(tx, p, unitId, mayPublish);
    const done = await q.publish(tx, { periodId, unitId: unit.id, publishedAt: now, publishedById: p.userId });
    if (!done.length) throw conflict('already_published', 'Hasil periode ini sudah diumumkan.', 'These results are already published.');
    await audit(tx, p, { action: 'skm.publish', entity: 'skm_unit', entityId: String(unit.id), detail: { periodId } }, now);
  });
  return results(ctx, p, periodId, unitId);
}

/** Every unit's published results of a period, for the public page. */
export async function publishedResults(ctx: AppContext, periodId: number) {
  await periodOf(ctx, periodId);
  const units = await q.publishedOfPeriod(ctx.db, periodId);
  const out = [];
  for (const u of units) out.push(await results(ctx, null, periodId, u.unitId));
  return { items: out };
}

/** A unit's raw answers in a period, with their suggestions: for its staff and the city's only. */
export async function rawAnswers(ctx: AppContext, p: Principal, periodId: number, unitId: number, page: { limit: number; offset: number }) {
  const period = await periodOf(ctx, periodId);
  const unit = await unitFor(ctx.db, p, unitId, mayReadRaw);
  const { from, until } = periodBounds(period);
  const list = await q.answersOf(ctx.db, unit.id, from, until, page);
  return {
    items: list.map((a) => ({
      id: a.id,
      source: a.source,
      answeredAt: a.answeredAt.toISOString(),
      scores: [a.u1, a.u2, a.u3, a.u4, a.u5, a.u6, a.u7, a.u8, a.u9],
      sex: a.sex, ageBand: a.ageBand, education: a.education, occupation: a.occupation, suggestion: a.suggestion,
    })),
  };
}
