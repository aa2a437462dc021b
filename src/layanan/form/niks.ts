/**
 * NIKs answered in a form (a family's members, a committee) are personal data like the applicant's
 * own: kept as encrypted tokens inside the stored answer, opened for the handling desk, masked for
 * everyone else.
 */
import type { FormField } from './definition.js';
import type { Answers } from './validate.js';

/** The answer with every NIK field's value passed through `fn` (groups and their items too). */
export function mapNiks(fields: readonly FormField[], answers: Answers, fn: (value: string) => string): Answers {
  const out: Answers = { ...answers };
  for (const f of fields) {
    const v = out[f.key];
    if (v === undefined || v === null) continue;
    if (f.type === 'nik' && typeof v === 'string') out[f.key] = fn(v);
    else if (f.type === 'group' && f.fields) {
      const inner = f.fields;
      out[f.key] = Array.isArray(v) ? v.map((item) => mapNiks(inner, item as Answers, fn)) : mapNiks(inner, v as Answers, fn);
    }
  }
  return out;
}
