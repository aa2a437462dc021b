import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { canTransition, nextStatus, REACHED_THROUGH_DISPOSITION, REPORT_ACTIONS, REPORT_STATUSES, TRANSITIONS, type Actor } from './lifecycle.js';

const ACTORS: Actor[] = ['reporter', 'triage', 'opd', 'system'];

describe('complaint lifecycle table', () => {
  // Every (action, status, actor) triple: allowed ones move as the table says, all others refuse.
  for (const action of REPORT_ACTIONS) {
    const t = TRANSITIONS[action];
    for (const from of REPORT_STATUSES) {
      for (const actor of ACTORS) {
        const allowed = (t.from as readonly string[]).includes(from) && (t.by as readonly string[]).includes(actor);
        it(`${action} from ${from} by ${actor} is ${allowed ? 'allowed' : 'refused'}`, () => {
          expect(canTransition(action, from, actor)).toBe(allowed);
          if (allowed) {
            expect(nextStatus(action, from, actor)).toBe(t.to === 'same' ? from : t.to);
          } else {
            let err: unknown;
            try {
              nextStatus(action, from, actor);
            } catch (e) {
              err = e;
            }
            expect(err).toBeInstanceOf(AppError);
            // Wrong actor is a permission problem; right actor in the wrong state is a conflict.
            expect((err as AppError).status).toBe((t.by as readonly string[]).includes(actor) ? 409 : 403);
          }
        });
      }
    }
  }

  it('follows the SP4N-LAPOR! path from submission to closure', () => {
    let s = nextStatus('verify', 'submitted', 'triage');
    s = nextStatus('disposition', s, 'triage');
    s = nextStatus('accept', s, 'opd');
    s = nextStatus('follow_up', s, 'opd');
    s = nextStatus('resolve', s, 'opd');
    expect(s).toBe('resolved');
    expect(nextStatus('confirm', s, 'reporter')).toBe('closed');
    expect(nextStatus('reopen', s, 'reporter')).toBe('in_progress');
    expect(nextStatus('auto_close', s, 'system')).toBe('closed');
  });

  it('keeps a report with its other OPDs when one returns its disposition', () => {
    expect(nextStatus('return_to_triage', 'in_progress', 'opd', true)).toBe('in_progress');
    expect(nextStatus('return_to_triage', 'in_progress', 'opd', false)).toBe('verified');
  });

  it('never lets a terminal report move again except for a rating after closure', () => {
    for (const terminal of ['rejected', 'archived', 'merged', 'withdrawn', 'outside_authority'] as const) {
      const moving = REPORT_ACTIONS.filter((a) => a !== 'comment' && canTransition(a, terminal, 'triage'));
      expect(moving).toEqual([]);
    }
    expect(REPORT_ACTIONS.filter((a) => canTransition(a, 'closed', 'reporter'))).toEqual(['rate']);
  });

  it('knows which statuses only a disposition leads to', () => {
    // A triage outcome (rejected, archived, …) or a wait is reachable without an OPD; handling and its ends are not.
    expect(REACHED_THROUGH_DISPOSITION).toEqual(['dispositioned', 'in_progress', 'resolved', 'closed']);
  });
});
