import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { APPLICATION_ACTIONS, APPLICATION_STATUSES, TRANSITIONS, lifecycle, stepTakes } from './lifecycle.js';

const refusal = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a refusal');
};

describe('the application lifecycle table', () => {
  it('runs draft → submitted → in_process → approved → issued, with a correction on the way', () => {
    expect(lifecycle.next('submit', 'draft', 'applicant')).toBe('submitted');
    expect(lifecycle.next('pass', 'submitted', 'handler')).toBe('in_process');
    expect(lifecycle.next('request_correction', 'in_process', 'handler')).toBe('correction_requested');
    expect(lifecycle.next('resubmit', 'correction_requested', 'applicant')).toBe('in_process');
    expect(lifecycle.next('approve', 'in_process', 'handler')).toBe('approved');
    expect(lifecycle.next('issue', 'approved', 'handler')).toBe('issued');
  });

  it('each side takes only its own actions (403), and only from the statuses allowed (409)', () => {
    expect(refusal(() => lifecycle.next('approve', 'in_process', 'applicant')).status).toBe(403);
    expect(refusal(() => lifecycle.next('submit', 'draft', 'handler')).status).toBe(403);
    const late = refusal(() => lifecycle.next('withdraw', 'approved', 'applicant'));
    expect([late.status, late.code]).toEqual([409, 'invalid_transition']);
    expect(refusal(() => lifecycle.next('issue', 'in_process', 'handler')).status).toBe(409);
  });

  it('nothing leaves a final status but a note', () => {
    for (const final of ['issued', 'rejected', 'withdrawn'] as const) {
      const moves = APPLICATION_ACTIONS.filter((a) => (['applicant', 'handler'] as const).some((who) => lifecycle.can(a, final, who)));
      expect(moves, final).toEqual(['comment']);
    }
    expect(Object.values(TRANSITIONS).every((t) => t.to === 'same' || APPLICATION_STATUSES.includes(t.to))).toBe(true);
  });

  it('the step the application is at decides which handling action it takes', () => {
    expect(['review', 'approval', 'issuance'].map((k) => stepTakes('pass', k as 'review'))).toEqual([true, false, false]);
    expect(['review', 'approval', 'issuance'].map((k) => stepTakes('approve', k as 'review'))).toEqual([false, true, false]);
    expect(['review', 'approval', 'issuance'].map((k) => stepTakes('issue', k as 'review'))).toEqual([false, false, true]);
    // Refusing or sending back: any step before issuance.
    expect(['review', 'approval', 'issuance'].map((k) => stepTakes('request_correction', k as 'review'))).toEqual([true, true, false]);
    expect(['review', 'approval', 'issuance'].map((k) => stepTakes('reject', k as 'review'))).toEqual([true, true, false]);
    expect(stepTakes('withdraw', 'issuance')).toBe(true);
  });
});
