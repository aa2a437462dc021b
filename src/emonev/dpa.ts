/**
 * Entering an OPD's DPA for a year: its programmes, kegiatan and sub-kegiatan with budgets, output
 * targets and monthly plans, as one document (what Bappeda takes from SIPD). All of it or nothing:
 * a wrong entry is refused naming where it is, and nothing is written.
 */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import type { DpaInput } from './api-schemas.js';
import { DESK, mayWrite } from './access.js';
import { OPD } from './messages.js';
import * as q from './queries.js';

type SubInput = DpaInput['programmes'][number]['activities'][number]['subActivities'][number];

/** Cumulative plans only grow, and spending stays within the budget. */
function checkPlan(s: SubInput, at: string): void {
  for (const [kind, values] of [['physical', s.plan.physical], ['financial', s.plan.financial]] as const) {
    values.forEach((v, i) => {
      if (i > 0 && v < values[i - 1]!) {
        throw invalid('plan_decreasing', 'Target kumulatif tidak boleh turun dari bulan sebelumnya.', 'A cumulative target may not fall below the previous month’s.', `${at}.plan.${kind}.${i}`);
      }
    });
  }
  const over = s.plan.financial.findIndex((v) => v > s.budget);
  if (over >= 0) throw invalid('plan_over_budget', 'Target keuangan melebihi pagu anggaran.', 'The spending target exceeds the budget.', `${at}.plan.financial.${over}`);
}

const under = (child: string, parent: string) => child.startsWith(`${parent}.`);

/** The OPD a DPA is for: the caller's own for its staff, the one named for the desk. */
async function opdOf(ctx: AppContext, p: Principal, code: string | undefined): Promise<q.Opd> {
  if (!code && DESK.includes(p.role)) throw invalid('opd_required', 'Pilih OPD pemilik DPA.', 'Name the OPD the DPA belongs to.', 'opdCode');
  const opd = code ? await q.opdByCode(ctx.db, code) : p.opdId === null ? undefined : await q.opdById(ctx.db, p.opdId);
  if (!opd) throw invalid('unknown_opd', 'OPD tidak dikenal.', 'Unknown OPD.', 'opdCode');
  if (!mayWrite(p, opd.id)) throw notFound(OPD);
  return opd;
}

export async function importDpa(ctx: AppContext, p: Principal, input: DpaInput) {
  const opd = await opdOf(ctx, p, input.opdCode);
  input.programmes.forEach((prog, i) =>
    prog.activities.forEach((act, j) => {
      const at = `programmes.${i}.activities.${j}`;
      if (!under(act.code, prog.code)) throw invalid('code_outside_parent', `Kode kegiatan harus diawali kode programnya (${prog.code}).`, `A kegiatan’s code must start with its programme’s (${prog.code}).`, `${at}.code`);
      act.subActivities.forEach((s, k) => {
        if (!under(s.code, act.code)) throw invalid('code_outside_parent', `Kode sub-kegiatan harus diawali kode kegiatannya (${act.code}).`, `A sub-kegiatan’s code must start with its kegiatan’s (${act.code}).`, `${at}.subActivities.${k}.code`);
        checkPlan(s, `${at}.subActivities.${k}`);
      });
    }),
  );
  const now = ctx.clock();
  let count = 0;
  await ctx.db.transaction(async (tx) => {
    for (const [i, prog] of input.programmes.entries()) {
      const programme = (await q.programmeByCode(tx, opd.id, input.year, prog.code)) ?? (await q.insertProgramme(tx, { opdId: opd.id, year: input.year, code: prog.code, name: prog.name, createdAt: now }));
      for (const [j, act] of prog.activities.entries()) {
        const activity = (await q.activityByCode(tx, programme.id, act.code)) ?? (await q.insertActivity(tx, { programmeId: programme.id, code: act.code, name: act.name }));
        for (const [k, s] of act.subActivities.entries()) {
          const row = await q.insertSubActivity(tx, {
            activityId: activity.id, opdId: opd.id, year: input.year, code: s.code, name: s.name, budget: s.budget, output: s.output,
            planPhysical: s.plan.physical, planFinancial: s.plan.financial, lat: s.location?.lat ?? null, lng: s.location?.lng ?? null, createdAt: now,
          });
          if (!row) throw conflict('code_taken', `Sub-kegiatan ${s.code} sudah ada.`, `Sub-kegiatan ${s.code} already exists.`, `programmes.${i}.activities.${j}.subActivities.${k}.code`);
          count++;
        }
      }
    }
    await audit(tx, p, { action: 'emonev.dpa.import', entity: 'opd', entityId: opd.id, detail: { year: input.year, subActivities: count } }, now);
  });
  return { opdCode: opd.code, year: input.year, subActivities: count };
}
