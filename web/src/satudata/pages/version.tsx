import { useState } from 'react';
import { api } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { fieldError, FormError, TextArea } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { Table } from '../../ui/table';
import { Downloads, Preview } from '../common';
import { m, type Key } from '../messages';
import type { Action, VersionDetail } from '../types';

/** The steward's decision (or the producer's withdrawal): one reason field, one button per allowed action. */
function Decide({ v, onDone }: { v: VersionDetail; onDone: (v: VersionDetail, action: Action) => void }) {
  const t = useT(m);
  const [note, setNote] = useState('');
  const [action, setAction] = useState<Action>('accept');
  const [key] = useState(() => crypto.randomUUID());
  const { busy, error, submit } = useSubmit(
    () => api<VersionDetail>('POST', `/data/datasets/${v.dataset.name}/versions/${v.number}/${action}`, { body: note.trim() ? { note: note.trim() } : {}, headers: { 'Idempotency-Key': `${key}-${action}` } }),
    (d) => onDone(d, action),
  );
  return (
    <section className="card" aria-labelledby="sd-decide">
      <h2 id="sd-decide">{t('actions')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextArea label={t('reason')} rows={3} value={note} onChange={(e) => setNote(e.target.value)} error={fieldError(error, 'note')} />
        <FormError error={error} shownFields={['note']} />
        <div className="btn-row">
          {v.allowedActions.map((a) => (
            <button key={a} type="submit" className={`btn ${a === 'accept' ? 'btn-primary' : 'btn-danger'}`} disabled={busy} onClick={() => setAction(a)}>
              {t(`action_${a}` as Key)}
            </button>
          ))}
        </div>
      </form>
    </section>
  );
}

/** One version as the steward checks it: the checks' results, the diff with the last published version, a preview. */
export default function VersionPage({ params }: { params: Record<string, string> }) {
  const t = useT(m);
  const { lang } = useLang();
  const path = `/data/datasets/${encodeURIComponent(params.name ?? '')}/versions/${Number(params.number) || 0}`;
  const { data, error, loading, reload } = useApi<VersionDetail>(path);
  const [fresh, setFresh] = useState<{ v: VersionDetail; action: Action }>();
  const v = fresh?.v ?? data;
  if (loading && !v) return <Loading />;
  if (error || !v) return <LoadError error={error} retry={reload} />;
  const num = (n: number | null) => (n === null ? '–' : formatNumber(n, lang, Number.isInteger(n) ? 0 : 2));
  const label = (name: string) => v.variables.find((x) => x.name === name)?.label ?? name;
  return (
    <Page title={`${v.dataset.title} — ${t('version', { n: v.number })}`}>
      <p>
        <span className="badge badge-neutral">{v.statusLabel[lang]}</span> {v.dataset.opd.name} · <time dateTime={v.submittedAt}>{formatDateTime(v.submittedAt, lang)}</time>
      </p>
      {fresh ? <p className="alert alert-success" role="status">{t('done', { what: t(`action_${fresh.action}` as Key) })}</p> : null}
      <p className="prewrap">{v.note}</p>
      {v.returnReasons ? <p className="alert alert-info"><strong>{t('returnReasons')}:</strong> {v.returnReasons}</p> : null}
      <section className="card" aria-labelledby="sd-checks">
        <h2 id="sd-checks">{t('checks')}</h2>
        <dl className="sd-dl">
          <dt>{t('rows')}</dt><dd>{formatNumber(v.summary.rowCount, lang)}</dd>
          <dt>{t('years')}</dt><dd>{v.summary.years.join(', ') || '–'}</dd>
          <dt>{t('regions')}</dt><dd>{v.summary.regionCodes.join(', ') || '–'}</dd>
          {Object.entries(v.summary.totals).map(([k, n]) => (
            <div key={k} className="sd-pair">
              <dt>{t('totals')}: {label(k)}</dt><dd>{num(n)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card" aria-labelledby="sd-diff">
        <h2 id="sd-diff">{v.diff ? t('diff', { n: v.diff.previousNumber }) : t('noDiff')}</h2>
        {v.diff ? (
          <>
            <Table stack columns={['', { label: t('before'), num: true }, { label: t('after'), num: true }]}>
              <tr><th scope="row">{t('rows')}</th><td className="num">{num(v.diff.rows.before)}</td><td className="num">{num(v.diff.rows.after)}</td></tr>
              {v.diff.totals.map((d) => (
                <tr key={d.variable}><th scope="row">{t('totals')}: {label(d.variable)}</th><td className="num">{num(d.before)}</td><td className="num">{num(d.after)}</td></tr>
              ))}
            </Table>
            <ul>
              {v.diff.yearsAdded.length ? <li>{t('years')} — {t('added')}: {v.diff.yearsAdded.join(', ')}</li> : null}
              {v.diff.yearsRemoved.length ? <li>{t('years')} — {t('removed')}: {v.diff.yearsRemoved.join(', ')}</li> : null}
              {v.diff.regionsAdded.length ? <li>{t('regions')} — {t('added')}: {v.diff.regionsAdded.join(', ')}</li> : null}
              {v.diff.regionsRemoved.length ? <li>{t('regions')} — {t('removed')}: {v.diff.regionsRemoved.join(', ')}</li> : null}
              {v.diff.variablesAdded.length ? <li>{t('variables')} — {t('added')}: {v.diff.variablesAdded.join(', ')}</li> : null}
              {v.diff.variablesRemoved.length ? <li>{t('variables')} — {t('removed')}: {v.diff.variablesRemoved.join(', ')}</li> : null}
            </ul>
          </>
        ) : null}
      </section>
      <Preview variables={v.variables} summary={v.summary} number={v.number} />
      <Downloads resources={v.resources} />
      {v.allowedActions.length ? <Decide v={v} onDone={(d, action) => setFresh({ v: d, action })} /> : null}
      <p><Link to={`/data/${v.dataset.name}`}>{t('back')}</Link></p>
    </Page>
  );
}
