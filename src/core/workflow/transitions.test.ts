import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { workflow } from './transitions.js';

type Status = 'open' | 'done';
const flow = workflow<'finish' | 'note', Status, 'clerk' | 'citizen'>(
  {
    finish: { from: ['open'], to: 'done', by: ['clerk'] },
    note: { from: ['open', 'done'], to: 'same', by: ['clerk'] },
  },
  { id: 'berkas', en: 'file' },
);

const refusal = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a refusal');
};

describe('workflow over a transition table', () => {
  it('moves, or stays put for a "same" action', () => {
    expect(flow.next('finish', 'open', 'clerk')).toBe('done');
    expect(flow.next('note', 'done', 'clerk')).toBe('done');
    expect(flow.can('finish', 'done', 'clerk')).toBe(false);
    expect(flow.can('finish', 'open', 'citizen')).toBe(false);
  });

  it('answers 403 for the wrong actor before looking at the status', () => {
    expect(refusal(() => flow.next('finish', 'done', 'citizen'))).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('answers 409 naming the action, the status and the case in both languages', () => {
    expect(refusal(() => flow.next('finish', 'done', 'clerk'))).toMatchObject({
      status: 409,
      code: 'invalid_transition',
      field: 'status',
      messages: {
        id: 'Tindakan "finish" tidak dapat dilakukan pada berkas berstatus "done".',
        en: 'Action "finish" is not allowed on a file in status "done".',
      },
    });
  });
});
