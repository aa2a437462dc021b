import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { COMPLAINT_ACTIONS, COMPLAINT_STATUSES, NEED_TYPES, nextStatus, sectionFor, TRANSITIONS, type Actor, type ComplaintAction, type ComplaintStatus } from './lifecycle.js';

const refusal = (action: ComplaintAction, from: ComplaintStatus, actor: Actor): number => {
  try {
    nextStatus(action, from, actor);
    return 200;
  } catch (err) {
    return (err as AppError).status;
  }
};

describe('poverty complaint lifecycle table', () => {
  it('takes a registered household from the desk to a section, a visit and assistance', () => {
    let s = nextStatus('route', 'submitted', 'desk');
    s = nextStatus('assign_visit', s, 'section');
    s = nextStatus('record_visit', s, 'volunteer');
    s = nextStatus('assist', s, 'section');
    expect(s).toBe('assisted');
    expect(nextStatus('refer', s, 'section')).toBe('referred');
    expect(nextStatus('referral_done', 'referred', 'opd')).toBe('referred');
  });

  it('takes an unregistered household through the musyawarah and back once registered', () => {
    expect(nextStatus('propose', 'musyawarah', 'operator')).toBe('proposed');
    expect(nextStatus('not_propose', 'musyawarah', 'operator')).toBe('not_proposed');
    expect(nextStatus('register_match', 'proposed', 'system')).toBe('submitted');
    expect(refusal('route', 'musyawarah', 'desk')).toBe(409);
    expect(refusal('register_match', 'not_proposed', 'system')).toBe(409);
  });

  it('refuses the wrong actor (403) before the wrong status (409), for every action and status', () => {
    const actors: Actor[] = ['citizen', 'desk', 'section', 'volunteer', 'operator', 'opd', 'system'];
    for (const action of COMPLAINT_ACTIONS) {
      const t = TRANSITIONS[action];
      for (const from of COMPLAINT_STATUSES) {
        for (const actor of actors) {
          const byActor = (t.by as readonly string[]).includes(actor);
          const fromOk = (t.from as readonly string[]).includes(from);
          expect(refusal(action, from, actor), `${action} ${from} ${actor}`).toBe(!byActor ? 403 : fromOk ? 200 : 409);
        }
      }
    }
  });

  it('sends each need to its section; emergencies by their kind', () => {
    expect(sectionFor('pendidikan', 'kip_pip')).toBe('pendidikan');
    expect(sectionFor('darurat', 'sakit')).toBe('kesehatan');
    expect(sectionFor('darurat', 'bencana')).toBe('sosial_ekonomi');
    expect(Object.keys(NEED_TYPES)).toEqual(['pendidikan', 'kesehatan', 'sosial_ekonomi', 'darurat']);
  });
});
