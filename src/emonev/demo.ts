/**
 * e-monev's demo: the desk at Bappeda, and the year's DPA of four Dumai OPDs entered and reported
 * through the real services, each month's report dated when it was made — Dinas PUPR's road
 * rehabilitation package on plan and answering road complaints, Dinas Perkim's drainage with the
 * latest month waiting on the desk, Dinas LH's rubbish bins behind plan, Dinas Kesehatan's dengue
 * control with a report returned and corrected and the last two months not reported. Skipped once the
 * year's DPA exists.
 */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { demoEmail as at, type DemoStaff, type DemoTown } from '../core/module.js';
import { addDays, wibDate, wibStart } from '../core/calendar/working-days.js';
import { listReports } from '../aduan/read-model.js';
import type { DpaInput } from './api-schemas.js';
import { importDpa } from './dpa.js';
import { createReport, stepReport } from './reports.js';
import { linkComplaints } from './links.js';
import { firstDayOf } from './flags.js';
import * as q from './queries.js';

export const EMONEV_STAFF: readonly DemoStaff[] = [
  { role: 'bappeda', email: at('bappeda'), fullName: 'Dra. Hj. Rosnida Harahap, M.Si.', opd: null, description: 'e-monev desk, Bappeda: checks the OPDs’ monthly realisation, prepares the mayor’s monev meeting' },
];

/** A typical S-curve of cumulative physical progress (%), January first. */
const S_CURVE = [0, 2, 6, 12, 20, 30, 42, 55, 68, 80, 92, 100];

interface Package {
  opd: string;
  reporter: string;
  programme: [code: string, name: string];
  activity: [code: string, name: string];
  sub: [code: string, name: string, budget: number, output: string];
  location?: { lat: number; lng: number };
  /** Realisation as a share of the plan. */
  pace: number;
  /** What happens to the latest due month: accepted, waiting on the desk, returned then corrected, or not reported. */
  latest: 'accepted' | 'submitted' | 'missing';
  returnsMonth?: number;
}

const PACKAGES: readonly Package[] = [
  {
    opd: 'PUPR', reporter: 'pupr', pace: 1.02, latest: 'accepted',
    programme: ['1.03.10', 'Program Penyelenggaraan Jalan'],
    activity: ['1.03.10.2.01', 'Penyelenggaraan Jalan Kabupaten/Kota'],
    sub: ['1.03.10.2.01.0015', 'Rehabilitasi Jalan Sultan Syarif Kasim dan ruas lingkungan Kecamatan Dumai Kota', 4_250_000_000, 'Rehabilitasi jalan 2,4 km'],
    location: { lat: 1.6856, lng: 101.4478 },
  },
  {
    opd: 'PERKIM', reporter: 'perkim', pace: 0.97, latest: 'submitted',
    programme: ['1.04.02', 'Program Kawasan Permukiman'],
    activity: ['1.04.02.2.01', 'Penataan Kawasan Permukiman Kumuh'],
    sub: ['1.04.02.2.01.0003', 'Pembangunan drainase lingkungan Kelurahan Bagan Keladi', 1_800_000_000, 'Saluran drainase 1.650 m'],
    location: { lat: 1.67376, lng: 101.37077 },
  },
  {
    opd: 'DLH', reporter: 'dlh', pace: 0.55, latest: 'accepted',
    programme: ['2.11.03', 'Program Pengelolaan Persampahan'],
    activity: ['2.11.03.2.01', 'Pengelolaan Sampah'],
    sub: ['2.11.03.2.01.0006', 'Penyediaan sarana dan prasarana pengelolaan sampah', 950_000_000, '120 bak sampah dan 4 kontainer'],
  },
  {
    opd: 'DINKES', reporter: 'dinkes', pace: 0.92, latest: 'missing', returnsMonth: 2,
    programme: ['1.02.02', 'Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat'],
    activity: ['1.02.02.2.02', 'Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota'],
    sub: ['1.02.02.2.02.0017', 'Pengendalian penyakit demam berdarah dengue (fogging dan abatisasi)', 600_000_000, 'Fogging fokus di 33 kelurahan'],
  },
];

const dpaOf = (p: Package, year: number): DpaInput => ({
  opdCode: p.opd,
  year,
  programmes: [{
    code: p.programme[0], name: p.programme[1],
    activities: [{
      code: p.activity[0], name: p.activity[1],
      subActivities: [{
        code: p.sub[0], name: p.sub[1], budget: p.sub[2], output: p.sub[3],
        plan: { physical: S_CURVE, financial: S_CURVE.map((x) => Math.round((p.sub[2] * x * 0.97) / 100)) },
        ...(p.location ? { location: p.location } : {}),
      }],
    }],
  }],
});

/** An instant on a WIB date at a given hour, for dating what the demo does. */
const onDay = (date: string, hour: number) => new Date(wibStart(date).getTime() + hour * 3_600_000);

export async function ensureEmonevDemo(ctx: AppContext, town: DemoTown): Promise<void> {
  const today = wibDate(town.registeredAt);
  // The year of the last finished months: January and February look back on the year before.
  const [y, m] = today.split('-').map(Number) as [number, number];
  const year = m <= 2 ? y - 1 : y;
  const lastMonth = m <= 2 ? 12 : m - 1;
  if ((await q.listSubActivities(ctx.db, year, undefined)).length) return;
  const desk = town.staff(at('bappeda'));
  // Never after the demo's own now: the last month's steps may fall on the days after it.
  const dated = (instant: Date): AppContext => ({ ...ctx, clock: () => (instant < town.registeredAt ? instant : town.registeredAt) });

  for (const pkg of PACKAGES) {
    const officer = town.staff(at(pkg.reporter));
    await importDpa(dated(onDay(`${year}-01-02`, 9)), desk, dpaOf(pkg, year));
    const [sub] = (await q.listSubActivities(ctx.db, year, (await q.opdByCode(ctx.db, pkg.opd))!.id)).filter((s) => s.s.code === pkg.sub[0]);
    for (let month = 1; month <= lastMonth; month++) {
      // Two months unreported: the older one is past its deadline whatever day the demo starts.
      if (month >= lastMonth - 1 && pkg.latest === 'missing') break;
      await reportMonth(ctx, dated, { officer, desk, pkg, subId: sub!.s.id, year, month, last: month === lastMonth });
    }
  }
  await linkRoadComplaints(ctx, desk, year);
}

async function reportMonth(
  ctx: AppContext,
  dated: (d: Date) => AppContext,
  a: { officer: Principal; desk: Principal; pkg: Package; subId: number; year: number; month: number; last: boolean },
) {
  const next = addDays(firstDayOf(a.year, a.month), 40).slice(0, 8) + '01';
  const day = (n: number, hour: number) => onDay(addDays(next, n), hour);
  const physicalPct = Math.min(100, Math.round(S_CURVE[a.month - 1]! * a.pkg.pace * 100) / 100);
  const financialRp = Math.round((a.pkg.sub[2] * physicalPct * 0.95) / 100);
  const notes = physicalPct === 0 ? 'Persiapan dan proses pengadaan.' : `Pekerjaan berjalan; progres fisik kumulatif ${physicalPct}%.`;
  const report = await createReport(dated(day(2, 9)), a.officer, a.subId, { month: a.month, physicalPct, financialRp, notes });
  await stepReport(dated(day(2, 10)), a.officer, report.id, 'submit', undefined);
  if (a.last && a.pkg.latest === 'submitted') return;
  if (a.month === a.pkg.returnsMonth) {
    await stepReport(dated(day(4, 14)), a.desk, report.id, 'return', 'Foto bukti pelaksanaan belum dilampirkan dan angka keuangan belum sesuai SP2D.');
    await stepReport(dated(day(6, 9)), a.officer, report.id, 'resubmit', undefined);
  }
  await stepReport(dated(day(7, 11)), a.desk, report.id, 'accept', undefined);
}

/** The road package answers the city's open road complaints (up to 12 of them). */
async function linkRoadComplaints(ctx: AppContext, desk: Principal, year: number) {
  const roads = await listReports(ctx.db, { categoryCode: 'INF-JALAN', publicOnly: true, limit: 12, offset: 0, now: ctx.clock() });
  if (!roads.rows.length) return;
  const opd = (await q.opdByCode(ctx.db, 'PUPR'))!;
  const [sub] = await q.listSubActivities(ctx.db, year, opd.id);
  await linkComplaints(ctx, desk, sub!.s.id, roads.rows.map((r) => r.r.trackingNumber));
}
