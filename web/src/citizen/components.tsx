import { useLang, useT } from '../lib/i18n';
import { formatDate, formatDateTime } from '../lib/format';
import { Link } from '../lib/router';
import { commonM, outboxM } from './messages';
import { removeQueued, syncOutbox, useOutbox } from './outbox';
import type { ReportSummary } from './types';

const DONE = ['resolved', 'closed'];
const STOPPED = ['rejected', 'archived', 'outside_authority', 'merged', 'withdrawn'];

export function StatusBadge({ report }: { report: Pick<ReportSummary, 'status' | 'statusLabel' | 'sla'> }) {
  const { lang } = useLang();
  const tone = report.sla.overdue ? 'badge-late' : DONE.includes(report.status) ? 'badge-ok' : STOPPED.includes(report.status) ? 'badge-neutral' : 'badge-warn';
  return <span className={`badge ${tone}`}>{report.statusLabel[lang]}</span>;
}

/** The deadline that matters now: verification, then resolution, then the auto-close date. */
export function currentDeadline(r: ReportSummary): string | null {
  if (r.status === 'submitted' || r.status === 'postponed') return r.sla.verifyDueAt;
  if (r.status === 'resolved') return r.sla.autoCloseAt;
  if (r.status === 'dispositioned' || r.status === 'in_progress' || r.status === 'verified') return r.sla.resolveDueAt ?? r.sla.followUpDueAt;
  return null;
}

export function ReportCard({ report }: { report: ReportSummary }) {
  const t = useT(commonM);
  const { lang } = useLang();
  const deadline = currentDeadline(report);
  return (
    <li className="card report-card">
      <h3>
        <Link to={`/laporan/${report.trackingNumber}`}>{report.title}</Link>
      </h3>
      <p className="report-meta">
        <StatusBadge report={report} /> <span className="tracking">{report.trackingNumber}</span> · <span>{report.category.name[lang]}</span>
      </p>
      <p className="report-meta">
        {report.location.kelurahanName}, {report.location.kecamatanName} · {t('filedAt')} {formatDate(report.createdAt, lang)}
      </p>
      {deadline ? (
        <p className={report.sla.overdue ? 'report-deadline late' : 'report-deadline'}>
          {t('deadline')}: {formatDateTime(deadline, lang)}
          {report.sla.overdue ? ` — ${t('overdue')}` : ''}
        </p>
      ) : null}
    </li>
  );
}

/** A list of report cards with a "load more" button while the server has more. */
export function ReportCards({ items, hasMore, onMore }: { items: ReportSummary[]; hasMore: boolean; onMore: () => void }) {
  const t = useT(commonM);
  return (
    <>
      <ul className="card-list">
        {items.map((r) => (
          <ReportCard key={r.trackingNumber} report={r} />
        ))}
      </ul>
      {hasMore ? (
        <div className="btn-row">
          <button type="button" className="btn" onClick={onMore}>
            {t('loadMore')}
          </button>
        </div>
      ) : null}
    </>
  );
}

/** What waits on this device to be sent, and what was just sent automatically. */
export function OutboxPanel() {
  const t = useT(outboxM);
  const { lang } = useLang();
  const { items, sent, needsLogin } = useOutbox();
  const recent = sent.filter((s) => Date.now() - new Date(s.at).getTime() < 24 * 3600_000);
  if (!items.length && !recent.length) return null;
  return (
    <section className="outbox" aria-labelledby="outbox-title" aria-live="polite">
      {items.length ? (
        <>
          <h2 id="outbox-title">{t('waiting', { n: items.length })}</h2>
          <p className="hint">{t('waitingHint')}</p>
          {needsLogin ? (
            <p className="alert alert-info">
              {t('needsLogin')} <Link to="/masuk?lanjut=%2Flaporan-saya">{t('login')}</Link>
            </p>
          ) : null}
          <ul className="card-list">
            {items.map((it) => (
              <li key={it.id} className="card outbox-item">
                <strong>{it.draft.title}</strong>
                <span className="hint">
                  {' '}
                  · {t('savedAt', { at: formatDateTime(it.createdAt, lang) })} · {t('photos', { n: it.photos.length })}
                </span>
                {it.state === 'failed' ? (
                  <p className="field-error">
                    {t('failed')}: {it.error?.[lang]}
                  </p>
                ) : (
                  <p className="hint">{t('pending')}</p>
                )}
                <div className="btn-row">
                  <button type="button" className="btn" onClick={() => void syncOutbox()}>
                    {t('sendNow')}
                  </button>
                  {it.state === 'failed' ? (
                    <button type="button" className="btn btn-danger" onClick={() => void removeQueued(it.id)}>
                      {t('discard')}
                    </button>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <h2 id="outbox-title" className="visually-hidden">
          {t('recent')}
        </h2>
      )}
      {recent.map((s) => (
        <p key={s.id} className="alert alert-success">
          {t('sent', { tn: '' })}
          <Link to={`/laporan/${s.trackingNumber}`}>{s.trackingNumber}</Link>
        </p>
      ))}
    </section>
  );
}
