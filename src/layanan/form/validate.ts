/**
 * Checks an answer against a form version: each field's type and rules, required fields, fields
 * that apply only under a condition (an answer to a field that does not apply is dropped, since the
 * form hid it), and repeatable groups. Every problem names the field's path
 * (`anggota[1].nik`) in Indonesian and English; the cleaned answer keeps only what applies.
 * A draft is checked for types only; a submission for everything.
 */
import { AppError, type FieldError, type Message } from '../../core/errors.js';
import { parseNik } from '../../core/nik/nik.js';
import type { Condition, FormDefinition, FormField } from './definition.js';
import { FORM_MESSAGES as M, KINDS } from './messages.js';

export type Answers = Record<string, unknown>;

export interface ValidateOptions {
  /** `draft`: types and bounds only; `submit`: also required fields, minimum entries and files. */
  mode: 'draft' | 'submit';
  /** Keys of the file fields already uploaded for the application. */
  files: ReadonlySet<string>;
  /** Today in WIB (YYYY-MM-DD), for `today` date bounds and NIK birth dates. */
  today: string;
}

export interface Validated {
  answers: Answers;
  errors: FieldError[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^(?:\+62|62|0)(8\d{7,12})$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;
const DEFAULT_MAX = { text: 500, textarea: 4000 } as const;

const isFilled = (v: unknown): boolean => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

const realDate = (s: string): boolean => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Where a condition looks a field up: the group item first, then the top of the form. */
type Scope = { item: Answers | undefined; root: Answers };
const lookup = (scope: Scope, key: string): unknown => (scope.item && key in scope.item ? scope.item[key] : scope.root[key]);

function holds(c: Condition, scope: Scope): boolean {
  if ('all' in c) return c.all.every((x) => holds(x, scope));
  if ('any' in c) return c.any.some((x) => holds(x, scope));
  if ('not' in c) return !holds(c.not, scope);
  const v = lookup(scope, c.field);
  if ('filled' in c) return isFilled(v) === c.filled;
  const has = (want: unknown) => (Array.isArray(v) ? v.includes(want) : v === want);
  return 'equals' in c ? has(c.equals) : c.in.some(has);
}

class Checker {
  readonly errors: FieldError[] = [];
  constructor(private readonly opts: ValidateOptions) {}

  private fail(path: string, code: string, message: Message): undefined {
    this.errors.push({ field: path, code, message });
    return undefined;
  }

  /** The fields of one level (the form, a group, a group's item) into `out`. */
  fields(fields: readonly FormField[], input: unknown, prefix: string, root: Answers, inGroup: boolean): Answers {
    const out: Answers = {};
    const given = input && typeof input === 'object' && !Array.isArray(input) ? (input as Answers) : {};
    const known = new Set(fields.map((f) => f.key));
    for (const key of Object.keys(given)) if (!known.has(key)) this.fail(`${prefix}${key}`, 'unknown_field', M.unknown());
    for (const f of fields) {
      const path = `${prefix}${f.key}`;
      const scope: Scope = inGroup ? { item: out, root } : { item: undefined, root: out };
      // A field that does not apply is dropped: the form hid it, and a value kept from before would mislead.
      if (f.when && !holds(f.when, scope)) continue;
      const value = this.field(f, given[f.key], path, inGroup ? root : out);
      if (value !== undefined) out[f.key] = value;
    }
    return out;
  }

  private field(f: FormField, raw: unknown, path: string, root: Answers): unknown {
    const submit = this.opts.mode === 'submit';
    if (f.type === 'file') {
      if (submit && f.required && !this.opts.files.has(f.key)) this.fail(path, 'file_missing', M.fileMissing(f.label));
      return undefined;
    }
    if (f.type === 'group') return this.group(f, raw, path, root);
    if (!isFilled(raw)) {
      if (submit && f.required) this.fail(path, 'required', f.type === 'checkbox' ? M.mustAccept(f.label) : M.required(f.label));
      return undefined;
    }
    switch (f.type) {
      case 'text':
      case 'textarea':
        return this.text(f, raw, path);
      case 'number':
        return this.number(f, raw, path);
      case 'date':
        return this.date(f, raw, path);
      case 'select':
        return this.select(f, raw, path);
      case 'checkbox':
        if (typeof raw !== 'boolean') return this.fail(path, 'type', M.type(f.label, KINDS.boolean));
        if (submit && f.required && !raw) return this.fail(path, 'required', M.mustAccept(f.label));
        return raw;
      case 'nik':
        return this.nik(f, raw, path);
      case 'phone': {
        const m = typeof raw === 'string' ? PHONE.exec(raw.replace(/[\s-]/g, '')) : null;
        return m ? `+62${m[1]}` : this.fail(path, 'phone_format', M.phone(f.label));
      }
      case 'email':
        return typeof raw === 'string' && EMAIL.test(raw.trim()) && raw.length <= 254 ? raw.trim().toLowerCase() : this.fail(path, 'email_format', M.email(f.label));
    }
  }

  private text(f: FormField, raw: unknown, path: string): string | undefined {
    if (typeof raw !== 'string') return this.fail(path, 'type', M.type(f.label, KINDS.text));
    const v = raw.trim();
    const max = f.maxLength ?? DEFAULT_MAX[f.type as 'text' | 'textarea'];
    if (!v) return this.opts.mode === 'submit' && f.required ? this.fail(path, 'required', M.required(f.label)) : undefined;
    if (f.minLength !== undefined && [...v].length < f.minLength) return this.fail(path, 'too_short', M.tooShort(f.label, f.minLength));
    if ([...v].length > max) return this.fail(path, 'too_long', M.tooLong(f.label, max));
    return v;
  }

  private number(f: FormField, raw: unknown, path: string): number | undefined {
    // A form kept offline may carry a number as its text.
    const v = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : NaN;
    if (!Number.isFinite(v)) return this.fail(path, 'type', M.type(f.label, KINDS.number));
    if (f.integer && !Number.isInteger(v)) return this.fail(path, 'not_integer', M.notInteger(f.label));
    if (f.min !== undefined && v < f.min) return this.fail(path, 'below_min', M.belowMin(f.label, f.min));
    if (f.max !== undefined && v > f.max) return this.fail(path, 'above_max', M.aboveMax(f.label, f.max));
    return v;
  }

  private date(f: FormField, raw: unknown, path: string): string | undefined {
    if (typeof raw !== 'string' || !realDate(raw)) return this.fail(path, 'date_format', M.dateFormat(f.label));
    const bound = (b: string | undefined) => (b === 'today' ? this.opts.today : b);
    const min = bound(f.minDate);
    const max = bound(f.maxDate);
    if (min && raw < min) return this.fail(path, 'date_before', M.dateBefore(f.label, min));
    if (max && raw > max) return this.fail(path, 'date_after', M.dateAfter(f.label, max));
    return raw;
  }

  private select(f: FormField, raw: unknown, path: string): string | string[] | undefined {
    const values = new Set((f.options ?? []).map((o) => o.value));
    if (!f.multiple) {
      if (typeof raw !== 'string') return this.fail(path, 'type', M.type(f.label, KINDS.text));
      return values.has(raw) ? raw : this.fail(path, 'option', M.option(f.label));
    }
    if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string')) return this.fail(path, 'type', M.type(f.label, KINDS.list));
    if (raw.some((x) => !values.has(x as string))) return this.fail(path, 'option', M.option(f.label));
    return [...new Set(raw as string[])];
  }

  private nik(f: FormField, raw: unknown, path: string): string | undefined {
    if (typeof raw !== 'string') return this.fail(path, 'type', M.type(f.label, KINDS.text));
    try {
      return parseNik(raw, { today: new Date(`${this.opts.today}T12:00:00+07:00`) }).nik;
    } catch (e) {
      if (e instanceof AppError) return this.fail(path, e.code, e.messages);
      throw e;
    }
  }

  private group(f: FormField, raw: unknown, path: string, root: Answers): unknown {
    const children = f.fields ?? [];
    if (!f.repeatable) {
      if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) return this.fail(path, 'type', M.type(f.label, KINDS.object));
      const item = this.fields(children, raw ?? {}, `${path}.`, root, true);
      return Object.keys(item).length ? item : undefined;
    }
    if (raw !== undefined && raw !== null && !Array.isArray(raw)) return this.fail(path, 'type', M.type(f.label, KINDS.items));
    const items = (raw as unknown[] | null | undefined) ?? [];
    const min = f.required ? Math.max(f.repeatable.min, 1) : f.repeatable.min;
    if (items.length > f.repeatable.max) return this.fail(path, 'too_many_items', M.manyItems(f.label, f.repeatable.max));
    if (this.opts.mode === 'submit' && items.length < min) this.fail(path, 'too_few_items', M.fewItems(f.label, min));
    const out = items.map((item, i) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) {
        this.fail(`${path}[${i}]`, 'type', M.type(f.label, KINDS.object));
        return {};
      }
      return this.fields(children, item, `${path}[${i}].`, root, true);
    });
    return out.length ? out : undefined;
  }
}

/** Checks `answers` against the form; nothing thrown, every problem listed. */
export function validateAnswers(form: FormDefinition, answers: unknown, opts: ValidateOptions): Validated {
  const checker = new Checker(opts);
  const cleaned = checker.fields(form.fields, answers ?? {}, '', {}, false);
  return { answers: cleaned, errors: checker.errors };
}

/** The 422 problem naming every field at fault (paths under `answers.`), the first one as the problem's field. */
export function answersProblem(errors: readonly FieldError[]): AppError {
  const named = errors.map((e) => ({ ...e, field: `answers.${e.field}` }));
  const first = named[0]!;
  return new AppError(
    422,
    'form_invalid',
    { id: `Isian formulir belum benar: ${first.message.id}`, en: `The form is not filled in correctly: ${first.message.en}` },
    { field: first.field, errors: named },
  );
}

/** The answer as checked, or the problem naming every field at fault. */
export function checkedAnswers(form: FormDefinition, answers: unknown, opts: ValidateOptions): Answers {
  const { answers: cleaned, errors } = validateAnswers(form, answers, opts);
  if (errors.length) throw answersProblem(errors);
  return cleaned;
}
