import { useState } from 'react';
import { api } from '../../../lib/api';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useLang, useT } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import { useApi } from '../../../lib/use-api';
import { useSubmit } from '../../../lib/use-submit';
import { fieldError, FormError, TextArea } from '../../../ui/forms';
import { Loading, LoadError, Page } from '../../../ui/page';
import { DocumentLinks, ExemptReason, ItemBadges } from '../common';
import { m, type Key } from '../messages';
import { NOTE_REQUIRED, type Action, type CatalogueDetail } from '../types';

/** One step of the publication chain: a note (the reason, where one is required) and the button. */
function StepForm({ id, action, onDone }: { id: number; action: Action; onDone: (d: CatalogueDetail, action: Action) => void }) {
  const t = useT(m);
  const [note, setNote] = useState('');
  const [key] = useState(() => crypto.randomUUID());
  const path = action.replace('_', '-');
  const { busy, error, submit } = useSubmit(
    () => api<CatalogueDetail>('POST', `/ppid/catalogue/${id}/${path}`, { body: note.trim() ? { note: note.trim() } : {}, headers: { 'Idempotency-Key': key } }),
    (d) => onDone(d, action),
  );
  const required = NOTE_REQUIRED.includes(action);
  return (
    <details>
      <summary>{t(`action_${action}` as Key)}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextArea label={required ? t('reason') : t('note')} required={required} rows={3} value={note} onChange={(e) => setNote(e.target.value)} error={fieldError(error, 'note')} />
        <FormError error={error} shownFields={['note']} />
        <div className="btn-row">
          <button type="submit" className={`btn ${action === 'return' || action === 'retire' ? 'btn-danger' : 'btn-primary'}`} disabled={busy}>
            {t(`action_${action}` as Key)}
          </button>
        </div>
      </form>
    </details>
  );
}

/** A catalogue item: its description and files for anyone; for the staff in scope its history and their next steps. */
export default function Item({ params }: { params: Record<string, string> }) {
  const t = useT(m);
  const { lang } = useLang();
  const id = Number(params.id);
  const { data, error, loading, reload } = useApi<CatalogueDetail>(Number.isInteger(id) && id > 0 ? `/ppid/catalogue/${id}` : null);
  const [fresh, setFresh] = useState<CatalogueDetail>();
  const [done, setDone] = useState<Action>();
  const stepped = (d: CatalogueDetail, action: Action) => {
    setFresh(d);
    setDone(action);
  };
  const item = fresh?.id === id ? fresh : data;
  if (!Number.isInteger(id) || id < 1) return <LoadError error={new Error('not found')} />;
  if (loading && !item) return <Loading />;
  if (error || !item) return <LoadError error={error} retry={reload} />;
  const roleOf = (r: string) => (['opd_admin', 'opd_officer', 'ppid_pelaksana', 'ppid_utama', 'atasan_ppid'].includes(r) ? t(`role_${r}` as Key) : r);
  return (
    <Page title={item.title}>
      <p><ItemBadges item={item} status={item.status !== 'published'} /></p>
      {done && fresh?.id === id ? <p className="alert alert-success" role="status">{t('stepDone', { what: t(`done_${done}` as Key) })}</p> : null}
      {item.status === 'retired' ? (
        <div className="alert alert-info" role="status">
          <p>{item.replacedById ? t('replacedBy') : t('retired')}</p>
          {item.replacedById ? <Link to={`/ppid/dip/${item.replacedById}`}>{t('openReplacement')}</Link> : null}
        </div>
      ) : null}
      <div className="ppid-detail">
        <section className="card" aria-labelledby="dip-details">
          <h2 id="dip-details">{t('details')}</h2>
          <p className="prewrap">{item.summary}</p>
          <dl className="ppid-dl">
            <dt>{t('opd')}</dt><dd>{item.opd.name}</dd>
            <dt>{t('responsible')}</dt><dd>{item.responsible}</dd>
            <dt>{t('format')}</dt><dd>{item.format}</dd>
            <dt>{t('period')}</dt><dd>{item.period}</dd>
            <dt>{t('retention')}</dt><dd>{item.retention}</dd>
            {item.publishedAt ? <><dt>{t('publishedAt')}</dt><dd>{formatDate(item.publishedAt, lang)}</dd></> : null}
            <dt>{t('updatedAt')}</dt><dd>{formatDate(item.updatedAt, lang)}</dd>
          </dl>
          {item.replacesId ? <p className="hint">{t('replaces', { id: item.replacesId })}</p> : null}
          <ExemptReason item={item} />
        </section>
        {item.class !== 'dikecualikan' ? (
          <section className="card" aria-labelledby="dip-files">
            <h2 id="dip-files">{t('documents')}</h2>
            {item.documents.length ? <DocumentLinks item={item} /> : <p>{t('noDocuments')}</p>}
          </section>
        ) : null}
      </div>
      {item.editable ? (
        <p><Link className="btn" to={`/ppid/dip/${item.id}/ubah`}>{t('edit')}</Link></p>
      ) : null}
      {item.allowedActions.length ? (
        <section className="ppid-actions" aria-labelledby="dip-actions">
          <h2 id="dip-actions">{t('actions')}</h2>
          {item.allowedActions.map((a) => <StepForm key={`${a}-${item.status}`} id={item.id} action={a} onDone={stepped} />)}
        </section>
      ) : null}
      {item.history.length ? (
        <section aria-labelledby="dip-history">
          <h2 id="dip-history">{t('history')}</h2>
          <ol className="dip-history">
            {item.history.map((e, i) => (
              <li key={i}>
                <strong>{t(`done_${e.action}` as Key)}</strong> — {roleOf(e.actorRole)}, <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
                {e.note ? <p className="prewrap hint">{e.note}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <p><Link to="/ppid/dip">{t('back')}</Link></p>
    </Page>
  );
}
