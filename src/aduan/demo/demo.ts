/**
 * The aduan module's demo: its desks (triage, and an officer in every OPD that receives
 * dispositions) and a few hundred reports of the last four months in every stage of the lifecycle,
 * each filed and moved through the real services.
 */
import type { AppContext } from '../../core/context.js';
import type { Principal } from '../../core/auth/principal.js';
import { demoEmail as at, type DemoStaff, type DemoTown } from '../../core/module.js';
import { mulberry32 } from '../../core/demo/random.js';
import { roadsCache } from '../../core/reference/roads.js';
import { reportsFiledBy } from '../queries.js';
import { loadKelurahan } from './places.js';
import { planReports } from './plan.js';
import { replay } from './replay.js';
import { FATE_QUOTAS } from './stories.js';

/** Kota Dumai's region code + 1: the same reports on every first start. */
const SEED = 0x1472 + 1;
const REPORT_COUNT = Object.values(FATE_QUOTAS).reduce((a, b) => a + b, 0);

/**
 * Besides the triage desk, each OPD that receives dispositions has an officer, so that no
 * category's reports are stuck for want of someone to accept them.
 */
export const ADUAN_STAFF: readonly DemoStaff[] = [
  { role: 'triage_admin', email: at('triage'), fullName: 'Nurul Hidayah, S.Kom.', opd: 'DISKOMINFOTIKSAN', description: 'Triage desk (Diskominfotiksan): verifies and dispositions every aduan' },
  { role: 'opd_admin', email: at('pupr.admin'), fullName: 'Ir. Syahrial Efendi', opd: 'PUPR', description: 'OPD admin, Dinas PUPR (Bina Marga): accepts and routes its dispositions' },
  { role: 'opd_officer', email: at('pupr'), fullName: 'Rahmat Hidayat, S.T.', opd: 'PUPR', description: 'OPD officer, Dinas PUPR: road repairs' },
  { role: 'opd_officer', email: at('perkim'), fullName: 'Dedi Kurniawan, S.T.', opd: 'PERKIM', description: 'OPD officer, Dinas Perkim: drainage, housing-area roads' },
  { role: 'opd_officer', email: at('dlh'), fullName: 'Yusnita Sari, S.Si.', opd: 'DLH', description: 'OPD officer, Dinas LH: rubbish, pollution' },
  { role: 'opd_officer', email: at('dinkes'), fullName: 'dr. Rina Marlina', opd: 'DINKES', description: 'OPD officer, Dinas Kesehatan: puskesmas, dengue fogging' },
  { role: 'opd_officer', email: at('dinsos'), fullName: 'Hendra Saputra, S.Sos.', opd: 'DINSOS', description: 'OPD officer, Dinas Sosial: social assistance' },
  { role: 'opd_officer', email: at('disdik'), fullName: 'Sri Wahyuni, S.Pd.', opd: 'DISDIK', description: 'OPD officer, Dinas Pendidikan: schools, admissions' },
  { role: 'opd_officer', email: at('dishub'), fullName: 'Agus Salim, A.Md.', opd: 'DISHUB', description: 'OPD officer, Dinas Perhubungan: street lights, traffic (often late)' },
  { role: 'opd_officer', email: at('satpolpp'), fullName: 'Zulkarnain', opd: 'SATPOLPP', description: 'OPD officer, Satpol PP: public order, street vendors' },
  { role: 'opd_officer', email: at('disdukcapil'), fullName: 'Melati Putri, S.H.', opd: 'DISDUKCAPIL', description: 'OPD officer, Disdukcapil: KTP, KK' },
  { role: 'opd_officer', email: at('dispar'), fullName: 'Teguh Prasetyo, S.Par.', opd: 'DISPAR', description: 'OPD officer, Dinas Pariwisata: tourist sites' },
  { role: 'opd_officer', email: at('kominfo'), fullName: 'Ilham Akbar, S.Kom.', opd: 'DISKOMINFOTIKSAN', description: 'OPD officer, Diskominfotiksan: public information, public wifi' },
];

/** The staff who act in the demo's reports. */
export interface Crew {
  triage: Principal;
  /** Who takes an OPD's step: its admin receives and routes, its officer reports the work done. */
  opd(code: string, as: 'admin' | 'officer'): Principal;
}

function crewOf(town: DemoTown): Crew {
  return {
    triage: town.staff(at('triage')),
    opd(code, as) {
      const ofOpd = ADUAN_STAFF.filter((s) => s.opd === code && (s.role === 'opd_admin' || s.role === 'opd_officer'));
      const spec = ofOpd.find((s) => s.role === (as === 'admin' ? 'opd_admin' : 'opd_officer')) ?? ofOpd[0];
      if (!spec) throw new Error(`no demo staff in OPD ${code}`);
      return town.staff(spec.email);
    },
  };
}

/**
 * Files the planned reports not filed yet. The plan is anchored at the demo citizen's registration,
 * not at the clock, so a start that was interrupted continues the very same plan.
 */
export async function ensureAduanDemo(ctx: AppContext, town: DemoTown): Promise<void> {
  const filed = await reportsFiledBy(ctx.db, town.residents.map((r) => r.userId));
  if (filed.length >= REPORT_COUNT) return;

  const plans = planReports({
    now: town.registeredAt,
    rand: mulberry32(SEED),
    kelurahan: await loadKelurahan(ctx.db),
    roads: [...(await roadsCache.get(ctx, ctx.db)).byId.values()],
    calendar: {
      holidays: await ctx.calendar.holidays(ctx.db),
      autoCloseWorkingDays: ctx.config.autoCloseWorkingDays,
    },
    residents: town.residents.length,
  });
  const cast = { crew: crewOf(town), residents: town.residents };
  const tracking = new Map(filed.map((trackingNumber, i) => [plans[i]!.key, trackingNumber]));
  for (const plan of plans.slice(filed.length)) tracking.set(plan.key, await replay(ctx, plan, cast, tracking));
}
