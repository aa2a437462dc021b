/**
 * Checks a service version an OPD admin publishes, beyond its JSON shape: unique keys, groups one
 * level deep without files, choices for every select, bounds that make sense, conditions that name
 * an earlier field they can see, steps in the order review… → approval → issuance within the
 * service's standard time, and placeholders of the output that the form fills.
 */
import { AppError, type FieldError, type Message } from '../../core/errors.js';
import { MAX_UPLOAD_BYTES } from '../../core/files/limits.js';
import { MAX_FIELDS, type Condition, type FormField, type ServiceVersion } from './definition.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Placeholders every output may use besides the form's own top-level fields. */
const OUTPUT_BUILTINS = ['nomor', 'nama_pemohon', 'tanggal', 'layanan'] as const;

class Problems {
  readonly list: FieldError[] = [];
  add(field: string, code: string, id: string, en: string): void {
    this.list.push({ field, code, message: { id, en } as Message });
  }
}

function conditionFields(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(conditionFields);
  if ('any' in c) return c.any.flatMap(conditionFields);
  if ('not' in c) return conditionFields(c.not);
  return [c.field];
}

function checkFields(p: Problems, fields: readonly FormField[], path: string, visibleRoot: ReadonlyMap<string, FormField>, inGroup: boolean): void {
  const seen = new Map<string, FormField>();
  fields.forEach((f, i) => {
    const at = `${path}[${i}]`;
    if (seen.has(f.key)) p.add(`${at}.key`, 'duplicate_key', `Kunci "${f.key}" dipakai dua kali.`, `The key "${f.key}" is used twice.`);
    if (f.when) {
      for (const ref of conditionFields(f.when)) {
        const target = seen.get(ref) ?? (inGroup ? visibleRoot.get(ref) : undefined);
        if (!target || target.type === 'group' || target.type === 'file') {
          p.add(`${at}.when`, 'condition_field', `Syarat tampil merujuk "${ref}", yang bukan isian sebelumnya.`, `The condition names "${ref}", which is not an earlier field.`);
        }
      }
    }
    if (f.type === 'select' && !(f.options?.length && new Set(f.options.map((o) => o.value)).size === f.options.length)) {
      p.add(`${at}.options`, 'options_required', 'Pilihan wajib diisi dan nilainya tidak boleh kembar.', 'A select needs choices with distinct values.');
    }
    if (f.minLength !== undefined && f.maxLength !== undefined && f.minLength > f.maxLength) p.add(`${at}.minLength`, 'bounds', 'Panjang minimal melebihi maksimal.', 'The minimum length exceeds the maximum.');
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) p.add(`${at}.min`, 'bounds', 'Nilai minimal melebihi maksimal.', 'The minimum exceeds the maximum.');
    for (const b of ['minDate', 'maxDate'] as const) {
      const v = f[b];
      if (v !== undefined && v !== 'today' && !(DATE.test(v) && !Number.isNaN(Date.parse(v)))) p.add(`${at}.${b}`, 'date_bound', 'Batas tanggal harus TTTT-BB-HH atau "today".', 'A date bound is YYYY-MM-DD or "today".');
    }
    if (f.type === 'group') {
      if (inGroup) p.add(`${at}.type`, 'nested_group', 'Kelompok tidak boleh berada di dalam kelompok.', 'A group may not sit inside a group.');
      if (!f.fields?.length) p.add(`${at}.fields`, 'group_empty', 'Kelompok harus memiliki isian.', 'A group needs fields.');
      else checkFields(p, f.fields, `${at}.fields`, new Map([...visibleRoot, ...seen]), true);
      if (f.repeatable && f.repeatable.min > f.repeatable.max) p.add(`${at}.repeatable`, 'bounds', 'Jumlah minimal melebihi maksimal.', 'The minimum count exceeds the maximum.');
    } else if (f.fields || f.repeatable) {
      p.add(`${at}.fields`, 'not_a_group', 'Hanya kelompok yang memiliki isian di dalamnya atau dapat diulang.', 'Only a group has fields inside or repeats.');
    }
    if (f.type === 'file' && inGroup) p.add(`${at}.type`, 'file_in_group', 'Berkas tidak boleh berada di dalam kelompok; jadikan persyaratan.', 'A file may not sit inside a group; make it a requirement.');
    seen.set(f.key, f);
  });
}

const countFields = (fields: readonly FormField[]): number => fields.reduce((n, f) => n + 1 + countFields(f.fields ?? []), 0);

/** Every problem of a version about to be published; `standardDays` is the service's promised time. */
export function versionProblems(v: ServiceVersion, standardDays: number): FieldError[] {
  const p = new Problems();
  if (countFields(v.form.fields) > MAX_FIELDS) p.add('form.fields', 'too_many_fields', `Formulir paling banyak ${MAX_FIELDS} isian.`, `A form has at most ${MAX_FIELDS} fields.`);
  checkFields(p, v.form.fields, 'form.fields', new Map(), false);
  const fileKeys = new Set(v.form.fields.filter((f) => f.type === 'file').map((f) => f.key));
  const reqKeys = new Set<string>();
  v.requirements.forEach((r, i) => {
    const at = `requirements[${i}]`;
    if (reqKeys.has(r.key) || fileKeys.has(r.key)) p.add(`${at}.key`, 'duplicate_key', `Kunci "${r.key}" sudah dipakai.`, `The key "${r.key}" is already used.`);
    reqKeys.add(r.key);
    if (!r.kinds.length) p.add(`${at}.kinds`, 'kinds_required', 'Pilih jenis berkas yang diterima.', 'Choose the kinds of file accepted.');
    if (r.maxBytes > MAX_UPLOAD_BYTES) p.add(`${at}.maxBytes`, 'too_large', 'Ukuran maksimal berkas 10 MB.', 'Files are at most 10 MB.');
  });
  const kinds = v.steps.map((s) => s.kind).join(',');
  if (!/^(review,)*approval,issuance$/.test(kinds)) {
    p.add('steps', 'step_order', 'Langkah: pemeriksaan (boleh beberapa), lalu satu persetujuan, lalu penerbitan.', 'Steps: reviews (any number), then one approval, then issuance.');
  }
  if (new Set(v.steps.map((s) => s.key)).size !== v.steps.length) p.add('steps', 'duplicate_key', 'Kunci langkah tidak boleh kembar.', 'Step keys must be distinct.');
  const days = v.steps.reduce((n, s) => n + s.workingDays, 0);
  if (days > standardDays) {
    p.add('steps', 'steps_exceed_standard', `Jumlah hari langkah (${days}) melebihi waktu standar layanan (${standardDays} hari kerja).`, `The steps take ${days} working days, more than the service's standard time (${standardDays}).`);
  }
  const fillable = new Set<string>([...OUTPUT_BUILTINS, ...v.form.fields.filter((f) => f.type !== 'group' && f.type !== 'file').map((f) => f.key)]);
  for (const m of `${v.output.title}\n${v.output.body}`.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
    if (!fillable.has(m[1]!)) p.add('output.body', 'unknown_placeholder', `Penanda {{${m[1]}}} tidak ada pada formulir.`, `The placeholder {{${m[1]}}} is not on the form.`);
  }
  return p.list;
}

export function checkVersion(v: ServiceVersion, standardDays: number): void {
  const errors = versionProblems(v, standardDays);
  if (!errors.length) return;
  const first = errors[0]!;
  throw new AppError(422, 'definition_invalid', { id: `Definisi layanan belum benar: ${first.message.id}`, en: `The service definition is not right: ${first.message.en}` }, { field: first.field, errors });
}
