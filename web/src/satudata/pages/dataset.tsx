import { useRef, useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { fieldError, FormError, SubmitRow, TextArea } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { Table } from '../../ui/table';
import { BarChart } from '../../dashboard/charts';
import { CellErrors, Downloads, Preview } from '../common';
import { m } from '../messages';
import type { Dataset, VersionDetail } from '../types';

/** The producer's form: a note and the table; a refusal lists each cell named by row and column. */
function SubmitVersion({ ds, onDone }: { ds: Dataset; onDone: () => void }) {
  const t = useT(m);
  const [note, setNote] = useState('');
  const file = useRef<HTMLInputElement>(null);
  const [sent, setSent] = useState<number>();
  const { busy, error, submit } = useSubmit(
    () => {
      const form = new FormData();
      form.append('note', note.trim());
      const chosen = file.current?.files?.[0];
      if (chosen) form.append('file', chosen);
      return api<VersionDetail>('POST', `/data/datasets/${ds.name}/versions`, { form });
    },
    (v) => {
      setSent(v.number);
      setNote('');
      if (file.current) file.current.value = '';
      onDone();
    },
  );
  const fileError = fieldError(error, 'file');
  const { lang } = useLang();
  return (
    <section className="card" aria-labelledby="sd-submit">
      <h2 id="sd-submit">{t('submitTitle')}</h2>
      <p>{t('submitLead', { names: ds.variables.map((v) => v.name).join(', ') })}</p>
      {sent ? <p className="alert alert-success" role="status">{t('submittedOk', { n: sent })}</p> : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextArea label={t('note')} hint={t('noteHint')} required rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={fieldError(error, 'note')} />
        <div className="field">
          <label htmlFor="sd-file">{t('file')}</label>
          <input id="sd-file" ref={file} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-invalid={fileError ? true : undefined} />
          {fileError && !(error instanceof ApiError && error.errors.length) ? <p className="field-error">{fileError[lang]}</p> : null}
        </div>
        <CellErrors error={error} />
        <FormError error={error} shownFields={['note', 'file', ...(error instanceof ApiError ? error.errors.map((e) => e.field) : [])]} />
        <SubmitRow label={t('submit')} busy={busy} />
      </form>
    </section>
  );
}

/** A dataset: what it is, its table at a glance (preview and main series), every version with its files. */
export default function DatasetPage({ params }: { params: Record<string, string> }) {
  const t = useT(m);
  const { lang } = useLang();
  const { data: ds, error, loading, reload } = useApi<Dataset>(`/data/datasets/${encodeURIComponent(params.name ?? '')}`);
  if (loading && !ds) return <Loading />;
  if (error || !ds) return <LoadError error={error} retry={reload} />;
  const series = ds.current?.summary.series;
  const byLabel = series ? (ds.variables.find((v) => v.name === series.by)?.label ?? series.by) : '';
  return (
    <Page title={ds.title}>
      <p className="sd-meta">{[ds.opd.name, ds.topicLabel[lang], ds.period].join(' · ')}</p>
      <p className="prewrap">{ds.description}</p>
      {series && series.points.length ? (
        <BarChart title={t('chart', { label: series.label, by: byLabel })} header={byLabel} rows={series.points.slice(-24).map((p) => ({ key: p.x, label: p.x, value: p.y }))} />
      ) : null}
      {ds.current ? <Preview variables={ds.variables} summary={ds.current.summary} number={ds.current.number} /> : null}
      {ds.canSubmit ? <SubmitVersion ds={ds} onDone={reload} /> : null}
      <section aria-labelledby="sd-versions">
        <h2 id="sd-versions">{t('versions')}</h2>
        <ol className="sd-versions">
          {ds.versions.map((v) => (
            <li key={v.number} className="card">
              <h3>
                {t('version', { n: v.number })} <span className="badge badge-neutral">{v.statusLabel[lang]}</span>
              </h3>
              <p className="sd-meta">{v.publishedAt ? t('published', { date: formatDate(v.publishedAt, lang) }) : t('submitted', { date: formatDate(v.submittedAt, lang) })}</p>
              <p className="prewrap">{v.note}</p>
              {v.returnReasons ? (
                <p className="alert alert-info">
                  <strong>{t('returnReasons')}:</strong> {v.returnReasons}
                </p>
              ) : null}
              <Downloads resources={v.resources} />
              {v.status !== 'published' || v.allowedActions.length ? <Link to={`/data/${ds.name}/versi/${v.number}`}>{t('review')}</Link> : null}
            </li>
          ))}
        </ol>
      </section>
      <section className="card" aria-labelledby="sd-meta">
        <h2 id="sd-meta">{t('metadata')}</h2>
        <dl className="sd-dl">
          <dt>{t('producer')}</dt><dd>{ds.opd.name}</dd>
          <dt>{t('topic')}</dt><dd>{ds.topicLabel[lang]}</dd>
          <dt>{t('frequency')}</dt><dd>{ds.frequencyLabel[lang]}</dd>
          <dt>{t('period')}</dt><dd>{ds.period}</dd>
          <dt>{t('unit')}</dt><dd>{ds.unit}</dd>
          <dt>{t('license')}</dt><dd>{ds.license.url ? <a href={ds.license.url}>{ds.license.title}</a> : ds.license.title}</dd>
          <dt>{t('contact')}</dt><dd>{ds.contactName} — <a href={`mailto:${ds.contactEmail}`}>{ds.contactEmail}</a></dd>
          {ds.tags.length ? <><dt>{t('tags')}</dt><dd>{ds.tags.join(', ')}</dd></> : null}
          <dt>{t('modified')}</dt><dd>{formatDate(ds.modifiedAt, lang)}</dd>
        </dl>
        <Table stack caption={<caption>{t('variables')}</caption>} columns={[t('colVariable'), t('colDefinition'), t('colType')]}>
          {ds.variables.map((v) => (
            <tr key={v.name}>
              <td><code>{v.name}</code> — {v.label}</td>
              <td>{v.definition}</td>
              <td>{v.unit ? `${v.type} (${v.unit})` : v.type}</td>
            </tr>
          ))}
        </Table>
      </section>
      {ds.history.length ? (
        <section aria-labelledby="sd-history">
          <h2 id="sd-history">{t('history')}</h2>
          <ol>
            {ds.history.map((e, i) => (
              <li key={i}>
                <strong>{e.action}</strong>
                {e.version ? ` (${t('version', { n: e.version })})` : ''} — {e.actorRole}, <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
                {e.note ? <p className="prewrap hint">{e.note}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </Page>
  );
}
