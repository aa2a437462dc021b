import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { ApiError, errorMessage } from '../lib/api';
import { useLang, type Message } from '../lib/i18n';

/**
 * Form controls that always carry a visible label, a hint and the API's error for that field
 * (aria-invalid + aria-describedby), so screen readers announce what went wrong where.
 */
interface FieldProps {
  label: string;
  hint?: string | undefined;
  error?: Message | undefined;
  required?: boolean;
}

function FieldShell({ id, label, hint, error, required, children }: FieldProps & { id: string; children: ReactNode }) {
  const { lang } = useLang();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {children}
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error[lang]}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, p: FieldProps): string | undefined {
  return [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function TextField({ label, hint, error, required, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required ?? false}>
      <input id={id} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { label, hint, error })} {...input} />
    </FieldShell>
  );
}

export function TextArea({ label, hint, error, required, ...input }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required ?? false}>
      <textarea id={id} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { label, hint, error })} {...input} />
    </FieldShell>
  );
}

export function SelectField({ label, hint, error, required, children, ...input }: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required ?? false}>
      <select id={id} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { label, hint, error })} {...input}>
        {children}
      </select>
    </FieldShell>
  );
}

export function Checkbox({ label, hint, ...input }: { label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The error of a whole form (or one not tied to a visible field), announced politely. */
export function FormError({ error, shownFields = [] }: { error: unknown; shownFields?: string[] }) {
  const { lang } = useLang();
  if (!error) return null;
  // A field error already shown next to its input is not repeated here.
  if (error instanceof ApiError && error.field && shownFields.includes(error.field) && error.errors.every((e) => shownFields.includes(e.field))) return null;
  return (
    <div className="alert alert-error" role="alert">
      {errorMessage(error)[lang]}
    </div>
  );
}

/** The error for one field name out of an API error, if any. */
export function fieldError(error: unknown, field: string): Message | undefined {
  return error instanceof ApiError ? error.byField()[field] : undefined;
}

/** A form's submit button in its own button row; `tone` picks the button style. */
export function SubmitRow({ label, tone = 'primary', busy }: { label: string; tone?: 'primary' | 'plain' | 'danger'; busy?: boolean }) {
  return (
    <div className="btn-row">
      <button type="submit" className={tone === 'plain' ? 'btn' : `btn btn-${tone}`} disabled={busy}>
        {label}
      </button>
    </div>
  );
}
