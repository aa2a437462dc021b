/** Survey periods (the regulation asks at least one survey a year) and a unit's yearly population. */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { conflict, invalid } from '../core/errors.js';
import { audit } from '../core/audit/audit.js';
import { mayPublish } from './access.js';
import { unitFor, unitView } from './units.js';
import * as q from './queries.js';

export const periodView = (p: q.Period) => ({ id: p.id, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn });

export async function createPeriod(ctx: AppContext, p: Principal, input: { name: string; startsOn: string; endsOn: string }) {
  if (input.endsOn < input.startsOn) throw invalid('period_order', 'Tanggal akhir harus sesudah tanggal mulai.', 'The end date must come after the start date.', 'endsOn');
  const at = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await q.insertPeriod(tx, { name: input.name.trim(), startsOn: input.startsOn, endsOn: input.endsOn, createdAt: at });
    if (!row) throw conflict('period_exists', 'Nama periode sudah dipakai.', 'A period of that name exists.', 'name');
    await audit(tx, p, { action: 'skm.period_create', entity: 'skm_period', entityId: String(row.id) }, at);
    return periodView(row);
  });
}

/** The people a unit serves in a year, which sets its minimum sample: stated by the unit's heads. */
export async function setUnitPopulation(ctx: AppContext, p: Principal, unitId: number, population: number | null) {
  const at = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const unit = await unitFor(tx, p, unitId, mayPublish);
    await q.setPopulation(tx, unit.id, population);
    await audit(tx, p, { action: 'skm.population', entity: 'skm_unit', entityId: String(unit.id), detail: { population } }, at);
    return unitView({ ...unit, population });
  });
}
