import { useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { useLang, useT, type Lang } from '../../lib/i18n';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { Checkbox, FormError, SubmitRow, TextArea } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { DeadlineBadge } from '../common';
import { FormFields, type Answers } from '../form-fields';
import { m } from '../messages';
import { ACTION_PATH, type Action, type ApplicationDetail, type FormField } from '../types';

/** An answer as text: a choice by its label, a tick as yes/no, a group's items one by one. */
function shown(f: FormField, v: unknown, lang: Lang, yesNo: [string, string]): string {
  if (v === undefined || v === null || v === '') return '–';
  if (f.type === 'select') {
    const label = (x: unknown) => f.options?.find((o) => o.value === x)?.label[lang] ?? String(x);
    return Array.isArray(v) ? v.map(label).join(', ') : label(v);
  }
  if (f.type === 'checkbox') return v ? yesNo[0] : yesNo[1];
  if (f.type === 'group') {
    const items = Array.isArray(v) ? (v as Answers[]) : [v as Answers];
    return items.map((item) => (f.fields ?? []).map((c) => `${c.label[lang]}: ${shown(c, item[c.key], lang, yesNo)}`).join('; ')).join(' | ');
  }
  return String(v);
}

function Answers({ a }: { a: ApplicationDetail }) {
  const { lang } = useLang();
  const t = useT(m);
  return (
    <dl className="staff-dl">
      {a.form.fields.filter((f) => f.type !== 'file' && a.answers[f.key] !== undefined).map((f) => (
        <div key={f.key} style={{ display: 'contents' }}>
          <dt>{f.label[lang]}</dt>
          <dd>{shown(f, a.answers[f.key], lang, [t('yes'), t('no')])}</dd>
        </div>
      ))}
    </dl>
  );
}

function Upload({ number, k, label, onDone }: { number: string; k: string; label: string; onDone(a: ApplicationDetail): void }) {
  const t = useT(m);
  const [file, setFile] = useState<File | null>(null);
  const { busy, error, submit } = useSubmit(
    async () => {
      const form = new FormData();
      form.append('file', file!, file!.name);
      return api<ApplicationDetail>('POST', `/layanan/applications/${number}/requirements/${k}`, { form });
    },
    (a) => {
      setFile(null);
      onDone(a);
    },
  );
  return (
    <form className="layanan-inline" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`up-${k}`}>{t('uploadFor', { label })}</label>
        <input id={`up-${k}`} type="file" accept="application/pdf,image/jpeg,image/png,image/webp" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <div className="btn-row"><button type="submit" className="btn" disabled={busy || !file}>{t('upload')}</button></div>
      <FormError error={error} />
    </form>
  );
}

/** What the caller may do now: one message box, the requirements to send back, a button per allowed action. */
function Actions({ a, onDone }: { a: ApplicationDetail; onDone(a: ApplicationDetail): void }) {
  const t = useT(m);
  const { lang } = useLang();
  const [message, setMessage] = useState('');
  const [back, setBack] = useState<string[]>([]);
  const [pub, setPub] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const { busy, error, submit } = useSubmit(
    () => {
      const body: Record<string, unknown> = message.trim() ? { message: message.trim() } : {};
      if (action === 'request_correction') body.requirements = back;
      if (action === 'comment') body.public = pub;
      return api<ApplicationDetail>('POST', `/layanan/applications/${a.number}/${ACTION_PATH[action!]}`, { body, headers: { 'Idempotency-Key': crypto.randomUUID() } });
    },
    (next) => {
      setMessage('');
      setBack([]);
      onDone(next);
    },
  );
  if (!a.allowedActions.length) return null;
  const handler = a.allowedActions.some((x) => ['pass', 'approve', 'issue', 'request_correction', 'comment'].includes(x));
  return (
    <section aria-labelledby="layanan-actions">
      <h2 id="layanan-actions">{t('actionsTitle')}</h2>
      <form onSubmit={submit}>
        <TextArea label={t('message')} hint={handler ? t('messageHint') : undefined} rows={3} value={message} error={error instanceof ApiError && error.field === 'message' ? error.messages : undefined} onChange={(e) => setMessage(e.target.value)} />
        {a.allowedActions.includes('request_correction') && a.requirements.length ? (
          <fieldset className="layanan-choices">
            <legend>{t('correctionWhich')}</legend>
            {a.requirements.map((r) => (
              <Checkbox key={r.key} label={r.label[lang]} checked={back.includes(r.key)} onChange={(e) => setBack(e.target.checked ? [...back, r.key] : back.filter((x) => x !== r.key))} />
            ))}
          </fieldset>
        ) : null}
        {a.allowedActions.includes('comment') ? <Checkbox label={t('public')} checked={pub} onChange={(e) => setPub(e.target.checked)} /> : null}
        <FormError error={error} shownFields={['message']} />
        <div className="btn-row">
          {a.allowedActions.map((x) => (
            <button key={x} type="submit" className={['withdraw', 'reject'].includes(x) ? 'btn btn-danger' : ['submit', 'resubmit', 'pass', 'approve', 'issue'].includes(x) ? 'btn btn-primary' : 'btn'} disabled={busy} onClick={() => setAction(x)}>
              {t(`act_${x}`)}
            </button>
          ))}
        </div>
      </form>
    </section>
  );
}

/** An application: its steps and deadlines, requirements, answers, the correction asked for, the document, the history; and what the caller may do. */
export default function Application({ params }: { params: Record<string, string> }) {
  const t = useT(m);
  const { lang } = useLang();
  const loaded = useApi<ApplicationDetail>(`/layanan/applications/${params.number}`);
  const [fresh, setFresh] = useState<ApplicationDetail | null>(null);
  const [editing, setEditing] = useState<Answers | null>(null);
  const a = fresh && fresh.number === params.number ? fresh : loaded.data;
  const save = useSubmit(() => api<ApplicationDetail>('PUT', `/layanan/applications/${params.number}/answers`, { body: { answers: editing } }), (next) => {
    setFresh(next);
    setEditing(null);
  });
  if (loaded.error) return <Page title={t('applicationTitle', { number: params.number! })}><LoadError error={loaded.error} retry={loaded.reload} /></Page>;
  if (!a) return <Page title={t('applicationTitle', { number: params.number! })}><Loading /></Page>;
  const editable = a.status === 'draft' || a.status === 'correction_requested';
  const asApplicant = a.allowedActions.some((x) => ['submit', 'resubmit', 'withdraw'].includes(x));
  const errors = save.error instanceof ApiError ? save.error.byField() : {};
  return (
    <Page title={t('applicationTitle', { number: a.number })}>
      <dl className="staff-dl">
        <dt>{t('service')}</dt><dd>{a.service.name[lang]} — {a.service.opd.name}</dd>
        <dt>{t('status')}</dt><dd><span className="badge badge-neutral">{a.statusLabel[lang]}</span> <DeadlineBadge deadline={a.deadline} /></dd>
        <dt>{t('applicant')}</dt><dd>{a.applicant.name}{a.applicant.nik ? ` (${a.applicant.nik})` : ''}{a.applicantOpd ? ` — ${a.applicantOpd.name}` : ''}{a.applicant.assisted ? ` — ${t('assisted')}` : ''}</dd>
        {a.dueAt ? <><dt>{t('serviceDue')}</dt><dd>{formatDate(a.dueAt, lang)}</dd></> : null}
      </dl>
      {a.welfare ? (
        <p className="alert" role="status">
          {a.welfare.listed ? t('welfareListed', { period: a.welfare.period ?? '–', decile: a.welfare.decile ?? '–', programmes: a.welfare.programmes.join(', ') || '–' }) : t('welfareNotListed')}
        </p>
      ) : null}
      {a.correction ? (
        <div className="alert" role="status">
          <strong>{t('correctionTitle')}:</strong> {a.correction.note}
          {a.correction.requirements.length ? <p>{t('correctionAsk', { list: a.correction.requirements.map((k) => a.requirements.find((r) => r.key === k)?.label[lang] ?? k).join(', ') })}</p> : null}
        </div>
      ) : null}
      {a.documentUrl ? (
        <section aria-labelledby="layanan-doc">
          <h2 id="layanan-doc">{t('document')}</h2>
          <p>{t('documentNumber')}: {a.documentNumber}</p>
          <a className="btn btn-primary" href={a.documentUrl} download>{t('downloadDocument')}</a>
        </section>
      ) : null}
      <h2>{t('steps')}</h2>
      <ol className="layanan-steps">
        {a.steps.map((s) => (
          <li key={s.key} className={s.state === 'current' ? 'layanan-step-current' : undefined} aria-current={s.state === 'current' ? 'step' : undefined}>
            {s.name[lang]} — {s.state === 'done' ? t('stepDone', { date: formatDate(s.doneAt, lang) }) : s.state === 'current' ? t('stepCurrent', { date: formatDate(s.dueAt, lang) }) : t('stepPending')}
          </li>
        ))}
      </ol>
      <h2>{t('requirements')}</h2>
      <ul>
        {a.requirements.map((r) => (
          <li key={r.key}>
            {r.label[lang]} {r.required ? null : t('optional')} —{' '}
            {r.file ? <a href={r.file.url}>{t('uploaded', { name: r.file.name })}</a> : r.satisfiedByData ? t('satisfied') : t('notUploaded')}
            {editable && asApplicant && !r.satisfiedByData ? <Upload number={a.number} k={r.key} label={r.label[lang]} onDone={setFresh} /> : null}
          </li>
        ))}
      </ul>
      <h2>{t('answersTitle')}</h2>
      {editing ? (
        <form onSubmit={save.submit} noValidate>
          <FormFields fields={a.form.fields} value={editing} onChange={setEditing} errors={errors} />
          <FormError error={save.error} shownFields={Object.keys(errors)} />
          <SubmitRow label={t('saveAnswers')} busy={save.busy} />
        </form>
      ) : (
        <>
          <Answers a={a} />
          {editable && asApplicant ? <button type="button" className="btn" onClick={() => setEditing(a.answers)}>{t('editAnswers')}</button> : null}
        </>
      )}
      <Actions a={a} onDone={setFresh} />
      <h2>{t('timeline')}</h2>
      <ol className="layanan-steps">
        {a.timeline.map((e, i) => (
          <li key={i}>
            {formatDateTime(e.at, lang)} — {e.action}{e.step ? ` (${e.step})` : ''}{e.message ? `: ${e.message}` : ''}{e.note ? ` [${e.note}]` : ''}
          </li>
        ))}
      </ol>
    </Page>
  );
}
