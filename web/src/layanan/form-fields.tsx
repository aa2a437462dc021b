/**
 * A service's form drawn from its definition: each field by its type, fields that apply only
 * under a condition shown only then (the server drops an answer to a hidden field), repeatable
 * groups with add and remove. Errors come from the API under the field's path (`answers.anggota[1].nik`).
 */
import type { ReactNode } from 'react';
import type { Message } from '../lib/i18n';
import { useLang, useT } from '../lib/i18n';
import { Checkbox, SelectField, TextArea, TextField } from '../ui/forms';
import { m } from './messages';
import type { Condition, FormField } from './types';

export type Answers = Record<string, unknown>;

const filled = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** The same reading of a condition as the server's: the group item first, then the form. */
export function holds(c: Condition, item: Answers | undefined, root: Answers): boolean {
  if ('all' in c) return c.all.every((x) => holds(x, item, root));
  if ('any' in c) return c.any.some((x) => holds(x, item, root));
  if ('not' in c) return !holds(c.not, item, root);
  const v = item && c.field in item ? item[c.field] : root[c.field];
  if ('filled' in c) return filled(v) === c.filled;
  const has = (want: unknown) => (Array.isArray(v) ? v.includes(want) : v === want);
  return 'equals' in c ? has(c.equals) : c.in.some(has);
}

interface Props {
  fields: FormField[];
  value: Answers;
  onChange(next: Answers): void;
  errors: Record<string, Message>;
  /** The path of this level (`answers.` or `answers.anggota[1].`). */
  prefix?: string;
  root?: Answers;
  inGroup?: boolean;
}

export function FormFields({ fields, value, onChange, errors, prefix = 'answers.', root, inGroup = false }: Props) {
  const { lang } = useLang();
  const t = useT(m);
  const top = root ?? value;
  const set = (key: string, v: unknown) => onChange({ ...value, [key]: v });
  const out: ReactNode[] = [];
  for (const f of fields) {
    if (f.when && !holds(f.when, inGroup ? value : undefined, top)) continue;
    const path = `${prefix}${f.key}`;
    const label = f.label[lang];
    const hint = f.help?.[lang];
    const error = errors[path];
    const v = value[f.key];
    const common = { key: f.key, label, hint, error, required: !!f.required };
    switch (f.type) {
      case 'text':
      case 'nik':
      case 'phone':
      case 'email':
        out.push(
          <TextField
            {...common}
            name={path}
            type={f.type === 'email' ? 'email' : f.type === 'phone' ? 'tel' : 'text'}
            inputMode={f.type === 'nik' ? 'numeric' : undefined}
            maxLength={f.type === 'nik' ? 16 : f.maxLength}
            autoComplete="off"
            value={(v as string | undefined) ?? ''}
            onChange={(e) => set(f.key, e.target.value)}
          />,
        );
        break;
      case 'textarea':
        out.push(<TextArea {...common} name={path} rows={3} maxLength={f.maxLength} value={(v as string | undefined) ?? ''} onChange={(e) => set(f.key, e.target.value)} />);
        break;
      case 'number':
        out.push(<TextField {...common} name={path} type="number" inputMode="decimal" min={f.min} max={f.max} step={f.integer ? 1 : 'any'} value={v === undefined ? '' : String(v)} onChange={(e) => set(f.key, e.target.value === '' ? undefined : Number(e.target.value))} />);
        break;
      case 'date':
        out.push(<TextField {...common} name={path} type="date" value={(v as string | undefined) ?? ''} onChange={(e) => set(f.key, e.target.value || undefined)} />);
        break;
      case 'checkbox':
        out.push(<Checkbox key={f.key} name={path} label={`${label}${f.required ? ' *' : ''}`} {...(hint ? { hint } : {})} checked={v === true} onChange={(e) => set(f.key, e.target.checked)} />);
        if (error) out.push(<p key={`${f.key}-error`} className="field-error" role="alert">{error[lang]}</p>);
        break;
      case 'select':
        if (f.multiple) {
          const chosen = (v as string[] | undefined) ?? [];
          out.push(
            <fieldset key={f.key} className="layanan-choices">
              <legend>{label}</legend>
              {(f.options ?? []).map((o) => (
                <Checkbox key={o.value} label={o.label[lang]} checked={chosen.includes(o.value)} onChange={(e) => set(f.key, e.target.checked ? [...chosen, o.value] : chosen.filter((x) => x !== o.value))} />
              ))}
              {error ? <p className="field-error" role="alert">{error[lang]}</p> : null}
            </fieldset>,
          );
        } else {
          out.push(
            <SelectField {...common} name={path} value={(v as string | undefined) ?? ''} onChange={(e) => set(f.key, e.target.value || undefined)}>
              <option value="">{t('choose')}</option>
              {(f.options ?? []).map((o) => <option key={o.value} value={o.value}>{o.label[lang]}</option>)}
            </SelectField>,
          );
        }
        break;
      case 'file':
        out.push(<p key={f.key} className="hint">{label}: {t('fileLater')}</p>);
        break;
      case 'group': {
        const inner = f.fields ?? [];
        if (!f.repeatable) {
          out.push(
            <fieldset key={f.key} className="layanan-group">
              <legend>{label}</legend>
              <FormFields fields={inner} value={(v as Answers | undefined) ?? {}} onChange={(next) => set(f.key, next)} errors={errors} prefix={`${path}.`} root={top} inGroup />
            </fieldset>,
          );
          break;
        }
        // The least number of items is there to fill from the start.
        const items = (v as Answers[] | undefined) ?? Array.from({ length: f.repeatable.min }, () => ({}));
        out.push(
          <fieldset key={f.key} className="layanan-group">
            <legend>{label}{f.required ? ' *' : ''}</legend>
            {error ? <p className="field-error" role="alert">{error[lang]}</p> : null}
            {items.map((item, i) => (
              <fieldset key={i} className="layanan-item">
                <legend>{t('item', { label, n: i + 1 })}</legend>
                <FormFields fields={inner} value={item} onChange={(next) => set(f.key, items.map((x, j) => (j === i ? next : x)))} errors={errors} prefix={`${path}[${i}].`} root={top} inGroup />
                <button type="button" className="btn" onClick={() => set(f.key, items.filter((_, j) => j !== i))}>{t('removeItem', { n: i + 1 })}</button>
              </fieldset>
            ))}
            {items.length < f.repeatable.max ? <button type="button" className="btn" onClick={() => set(f.key, [...items, {}])}>{t('addItem', { label })}</button> : null}
          </fieldset>,
        );
        break;
      }
    }
  }
  return <>{out}</>;
}
