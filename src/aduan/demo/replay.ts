/**
 * Files one planned report and takes its steps through the real services (`submitReport`, `act`),
 * in one transaction: the demo's reports obey the same lifecycle, SLA and audit rules as real ones.
 */
import type { AppContext } from '../../core/context.js';
import type { Principal } from '../../core/auth/principal.js';
import { act } from '../actions.js';
import { submitReport } from '../intake.js';
import type { Crew } from './demo.js';
import type { ReportPlan } from './plan.js';
import { locate } from './places.js';
import type { Who } from './timeline.js';

export interface Cast {
  crew: Crew;
  residents: readonly Principal[];
}

/** Returns the tracking number; `tracking` maps earlier plans' keys to theirs, for merges. */
export async function replay(ctx: AppContext, plan: ReportPlan, cast: Cast, tracking: ReadonlyMap<number, string>): Promise<string> {
  const reporter = cast.residents[plan.reporter];
  if (!reporter) throw new Error(`demo resident ${plan.reporter} missing`);
  const principal = (who: Who): Principal | null => {
    switch (who.kind) {
      case 'reporter':
        return reporter;
      case 'triage':
        return cast.crew.triage;
      case 'system':
        return null;
      case 'opd':
        return cast.crew.opd(who.opd, who.as);
    }
  };
  return ctx.db.transaction(async (tx) => {
    const place = await locate(ctx, tx, plan.kelurahan, plan.candidates);
    const report = await submitReport(ctx, tx, { kind: 'citizen', principal: reporter }, { ...plan.input, ...place }, plan.submittedAt);
    for (const step of plan.steps) {
      let input = step.input;
      if (step.mergeInto !== undefined) {
        const target = tracking.get(step.mergeInto);
        if (!target) throw new Error(`demo merge target ${step.mergeInto} not filed yet`);
        input = { ...input, targetTrackingNumber: target };
      }
      await act(ctx, tx, principal(step.who), report.trackingNumber, step.action, input, step.at);
    }
    return report.trackingNumber;
  });
}
