import { lazy, Suspense, useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { FormError, SelectField, TextArea, fieldError, SubmitRow } from '../../ui/forms';
import { LoadError, Loading, Page } from '../../ui/page';
import { StatusBadge } from '../components';
import { commonM, detailM } from '../messages';
import type { ReportDetail } from '../types';

// e-monev's activities answering the report: a small chunk loaded after the page, only here.
const AnsweringActivities = lazy(() => import('../../emonev/answering'));

export default function ReportPage({ params }: { params: Record<string, string> }) {
  const tn = params.trackingNumber!;
  const t = useT(detailM);
  const tc = useT(commonM);
  const { lang } = useLang();
  const { user } = useSession();
  const { data: r, error, reload } = useApi<ReportDetail>(`/reports/${encodeURIComponent(tn)}`);

  if (error) return <Page title={tn}><LoadError error={error} retry={reload} /></Page>;
  if (!r) return <Page title={tn}><Loading /></Page>;
  // A citizen is shown the reporter block only on their own report.
  const mine = user?.role === 'citizen' && r.reporter !== null;
  const deadlines: [string, string | null][] = [
    [t('verifyDue'), ['submitted', 'postponed'].includes(r.status) ? r.sla.verifyDueAt : null],
    [t('followUpDue'), ['dispositioned'].includes(r.status) ? r.sla.followUpDueAt : null],
    [t('resolveDue'), ['verified', 'dispositioned', 'in_progress'].includes(r.status) ? r.sla.resolveDueAt : null],
    [t('autoClose'), r.status === 'resolved' ? r.sla.autoCloseAt : null],
  ];

  return (
    <Page title={r.title}>
      <p className="report-meta">
        <StatusBadge report={r} /> <strong>{r.trackingNumber}</strong> · {r.category.name[lang]} · {tc('filedAt')} {formatDateTime(r.createdAt, lang)}
        {r.anonymous ? ` · ${tc('anonymous')}` : ''}
        {r.confidential ? ` · ${tc('confidential')}` : ''}
      </p>
      <dl className="review">
        {deadlines
          .filter(([, at]) => at)
          .map(([label, at]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd className={r.sla.overdue ? 'late' : undefined}>
                {formatDateTime(at, lang)}
                {r.sla.overdue ? ` — ${tc('overdue')}` : ''}
              </dd>
            </div>
          ))}
        <div>
          <dt>{t('location')}</dt>
          <dd>
            {[r.location.address, r.location.kelurahanName, r.location.kecamatanName].filter(Boolean).join(', ')}
          </dd>
        </div>
        {r.incidentDate ? (
          <div>
            <dt>{t('incidentDate')}</dt>
            <dd>{formatDate(r.incidentDate, lang)}</dd>
          </div>
        ) : null}
      </dl>
      {r.mergedInto ? (
        <p className="alert alert-info">
          {t('mergedInto', { tn: '' })}
          <Link to={`/laporan/${r.mergedInto}`}>{r.mergedInto}</Link>
        </p>
      ) : null}
      {r.outsideAuthority ? <p className="alert alert-info">{t('outside', { agency: r.outsideAuthority.agency })}</p> : null}
      <h2>{t('description')}</h2>
      <p className="prewrap">{r.description}</p>
      {r.photos.length ? (
        <>
          <h2>{t('photos')}</h2>
          <ul className="photo-list">
            {r.photos.map((p, i) => (
              <li key={p.id}>
                <img src={p.url} alt={t('photoAlt', { n: i + 1 })} width={p.width} height={p.height} loading="lazy" />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {r.rating ? (
        <p>
          {t('rating', { n: r.rating })}
          {r.ratingComment ? ` — ${r.ratingComment}` : ''}
        </p>
      ) : null}
      {mine ? <ReporterActions report={r} onDone={reload} /> : null}
      <Suspense fallback={null}><AnsweringActivities trackingNumber={r.trackingNumber} /></Suspense>
      <h2>{t('timeline')}</h2>
      <ol className="timeline">
        {r.timeline.map((e) => (
          <li key={e.id}>
            <p>
              <strong>{e.label[lang]}</strong>
              {e.actor.opdName ? ` ${t('agency', { opd: e.actor.opdName })}` : ''}
              <br />
              <span className="hint">{formatDateTime(e.at, lang)}</span>
            </p>
            {e.message ? <p className="prewrap">{e.message}</p> : null}
          </li>
        ))}
      </ol>
    </Page>
  );
}

/** The reporter's own moves: confirm or reopen a resolution, rate, or withdraw an unverified report. */
function ReporterActions({ report: r, onDone }: { report: ReportDetail; onDone: () => void }) {
  const t = useT(detailM);
  const [error, setError] = useState<unknown>();
  const [rating, setRating] = useState('');
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);

  const act = (path: string, body: Record<string, unknown>) => async (e?: FormEvent) => {
    e?.preventDefault();
    setError(undefined);
    try {
      await api('POST', `/reports/${r.trackingNumber}/${path}`, { body, headers: { 'Idempotency-Key': crypto.randomUUID() } });
      setSaved(true);
      setReason('');
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  const ratingBody = () => ({ ...(rating ? { rating: Number(rating) } : {}), ...(comment.trim() ? { comment: comment.trim() } : {}) });
  const stars = (required: boolean): ReactNode => (
    <>
      <SelectField label={t('stars')} name="rating" value={rating} onChange={(e) => setRating(e.target.value)} error={fieldError(error, 'rating')} required={required}>
        <option value="">—</option>
        {[5, 4, 3, 2, 1].map((n) => (
          <option key={n} value={n}>
            {'★'.repeat(n)} ({n})
          </option>
        ))}
      </SelectField>
      <TextArea label={t('comment')} name="comment" maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} error={fieldError(error, 'comment')} />
    </>
  );

  let body: ReactNode = null;
  if (r.status === 'resolved') {
    body = (
      <>
        <p>{t('resolvedAsk')}</p>
        <form onSubmit={act('confirm', ratingBody())} noValidate>
          {stars(false)}
          <SubmitRow label={t('confirm')} />
        </form>
        <form onSubmit={act('reopen', { message: reason.trim() || undefined })} noValidate>
          <TextArea label={t('reopenReason')} name="message" maxLength={4000} value={reason} onChange={(e) => setReason(e.target.value)} error={fieldError(error, 'message')} required />
          <SubmitRow label={t('reopen')} tone="plain" />
        </form>
      </>
    );
  } else if (r.status === 'closed' && r.rating === null) {
    body = (
      <form onSubmit={act('rating', ratingBody())} noValidate>
        {stars(true)}
        <SubmitRow label={t('sendRating')} />
      </form>
    );
  } else if (r.status === 'submitted' || r.status === 'postponed') {
    body = (
      <form onSubmit={act('withdraw', reason.trim() ? { message: reason.trim() } : {})} noValidate>
        <p className="hint">{t('withdrawHint')}</p>
        <TextArea label={t('withdrawReason')} name="message" maxLength={4000} value={reason} onChange={(e) => setReason(e.target.value)} error={fieldError(error, 'message')} />
        <SubmitRow label={t('withdraw')} tone="danger" />
      </form>
    );
  }
  if (!body && !saved) return null;
  return (
    <section className="card reporter-actions" aria-labelledby="reporter-actions">
      <h2 id="reporter-actions">{t('yourActions')}</h2>
      {saved ? (
        <p className="alert alert-success" role="status">
          {t('done')}
        </p>
      ) : null}
      {body}
      <FormError error={error} shownFields={['rating', 'comment', 'message']} />
    </section>
  );
}
