import { useState } from 'react';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { pick, useLang, useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { FormError, TextArea, TextField, fieldError } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { ItemFacts, Paragraphs } from '../common';
import { fromLocal, ItemForm } from '../form';
import { m, type Key } from '../messages';
import type { StaffItem } from '../types';
import '../portal.css';

/** An item on the desk: its text, the steps the caller may take, the edit form, versions and history. */
export default function StaffItemPage({ params }: { params: Record<string, string> }) {
  const t = useT(m);
  const { lang } = useLang();
  const { data, error, loading, reload } = useApi<StaffItem>(`/portal/drafts/${params.id}`);
  const [note, setNote] = useState('');
  const [done, setDone] = useState('');
  const [action, setAction] = useState('');
  // Empty: published now. A later time holds the item back from the public until then (a press release under embargo).
  const [publishAt, setPublishAt] = useState('');
  const step = useSubmit(
    () => {
      const at = action === 'publish' ? fromLocal(publishAt) : undefined;
      return api<StaffItem>('POST', `/portal/drafts/${params.id}/${action}`, { body: { ...(note.trim() ? { note: note.trim() } : {}), ...(at ? { publishAt: at } : {}) } });
    },
    () => {
      setDone(t('done', { action: t(`act.${action}` as Key) }));
      setNote('');
      setPublishAt('');
      reload();
    },
  );
  if (loading && !data) return <Loading />;
  if (error || !data) return <LoadError error={error} retry={reload} />;
  const steps = data.allowedActions.filter((a) => a !== 'edit');
  return (
    <Page title={data.item.title}>
      <p className="pt-meta">
        {t(`kind.${data.item.kind}`)} · {t('status', { status: pick(data.statusLabel, lang) })} · {t('version', { n: data.item.version })}
      </p>
      {data.status === 'published' && data.publishedAt && new Date(data.publishedAt) > new Date() ? (
        <p className="alert alert-info" role="status">{t('scheduled', { at: formatDateTime(data.publishedAt, lang) })}</p>
      ) : data.status === 'published' ? (
        <p><Link to={data.item.path}>{t('publicPage')}</Link></p>
      ) : null}
      {done ? <p className="alert alert-success" role="status">{done}</p> : null}
      <p className="lead">{data.item.summary}</p>
      <ItemFacts item={data.item} />
      {data.item.claim ? <blockquote className="pt-claim">{data.item.claim}</blockquote> : null}
      <Paragraphs text={data.item.body} />
      {steps.length ? (
        <form onSubmit={step.submit}>
          <h2>{t('steps')}</h2>
          <TextArea label={t('note')} hint={t('noteHint')} value={note} onChange={(e) => setNote(e.target.value)} error={fieldError(step.error, 'note')} rows={2} />
          {steps.includes('publish') ? (
            <TextField label={t('publishAt')} hint={t('publishAtHint')} type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} error={fieldError(step.error, 'publishAt')} />
          ) : null}
          <FormError error={step.error} shownFields={['note', 'publishAt']} />
          <div className="btn-row">
            {steps.map((a) => (
              <button key={a} type="submit" className={a === 'publish' || a === 'check' ? 'btn btn-primary' : 'btn'} disabled={step.busy} onClick={() => setAction(a)}>
                {t(`act.${a}` as Key)}
              </button>
            ))}
          </div>
        </form>
      ) : null}
      {data.allowedActions.includes('edit') ? (
        <details>
          <summary>{t('edit')}</summary>
          <ItemForm key={data.item.version} current={data} onSaved={() => { setDone(t('saved', { n: data.item.version + 1 })); reload(); }} />
        </details>
      ) : null}
      <h2>{t('history')}</h2>
      <ol className="pt-history">
        {data.history.map((h, i) => (
          <li key={i}>
            {formatDateTime(h.at, lang)} — {pick(h.label, lang)} ({h.actor.name ?? h.actor.role}, {t('version', { n: h.version })}){h.note ? `: ${h.note}` : ''}
          </li>
        ))}
      </ol>
      <h2>{t('versions')}</h2>
      <ul>
        {data.versions.map((v) => (
          <li key={v.number}>
            {t('version', { n: v.number })} — {formatDateTime(v.at, lang)}, {v.editor ?? '—'}: {v.title}
          </li>
        ))}
      </ul>
    </Page>
  );
}
