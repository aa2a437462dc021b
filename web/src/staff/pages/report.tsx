import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { formatDate, formatDateTime } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { Loading, LoadError, Page } from '../../ui/page';
import { ActionPanel } from '../actions';
import { SlaBadge } from '../common';
import { m, type StaffKey } from '../messages';
import type { Detail } from '../types';
import { Table } from '../../ui/table';

// Leaflet loads only when the map is about to show; the page works without it (and without tiles).
const MapView = lazy(() => import('../../citizen/map').then((x) => ({ default: x.MapView })));

/** One report as the staff desk sees it: everything, internal notes marked, and what may be done now. */
export default function StaffReport({ params }: { params: Record<string, string> }) {
  const t = useT(m);
  const { lang } = useLang();
  const tn = params.tn!;
  const { data: r, error, reload } = useApi<Detail>(`/reports/${encodeURIComponent(tn)}`);
  const [done, setDone] = useState<string | null>(null);
  // The form that had focus is gone after an action: keyboard users continue from the confirmation.
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done, r]);

  if (error) return <Page title={tn}><LoadError error={error} retry={reload} /></Page>;
  if (!r) return <Page title={tn}><Loading /></Page>;
  const photoN = { report: 0, evidence: 0 };

  return (
    <Page title={`${r.trackingNumber} · ${r.title}`} actions={<Link to="/staf" className="btn">{t('back')}</Link>}>
      <p className="staff-status">
        <span className="badge badge-neutral">{r.statusLabel[lang]}</span> <SlaBadge sla={r.sla} />{' '}
        <span className={`badge ${r.jurisdiction === 'kota' ? 'badge-neutral' : 'badge-warn'}`}>{t(`jurisdiction_${r.jurisdiction}`)}</span>
      </p>
      {done ? (
        <div className="alert alert-success" role="status" tabIndex={-1} ref={doneRef}>
          {t('done', { label: done })}
        </div>
      ) : null}
      {r.jurisdiction !== 'kota' && !r.outsideAuthority ? (
        <div className="alert alert-info">{t('jurisdictionHint', { level: t(r.jurisdiction === 'nasional' ? 'levelNasional' : 'levelProvinsi') })}</div>
      ) : null}

      <div className="staff-detail">
        <div>
          <h2>{t('details')}</h2>
          <dl className="staff-dl">
            <dt>{t('description')}</dt>
            <dd className="staff-text">{r.description}</dd>
            <dt>{t('category')}</dt>
            <dd>{r.category.name[lang]}</dd>
            <dt>{t('place')}</dt>
            <dd>
              {[r.location.address, r.location.kelurahanName, r.location.kecamatanName].filter(Boolean).join(', ')}
              <div className="hint">
                {r.location.lat.toFixed(5)}, {r.location.lng.toFixed(5)}
              </div>
            </dd>
            {r.incidentDate ? (
              <>
                <dt>{t('incidentDate')}</dt>
                <dd>{formatDate(r.incidentDate, lang)}</dd>
              </>
            ) : null}
            <dt>{t('filed')}</dt>
            <dd>{formatDateTime(r.createdAt, lang)}</dd>
            <dt>{t('reporter')}</dt>
            <dd>
              {r.anonymous ? <span className="badge badge-warn">{t('anonymous')}</span> : null}
              {r.reporter ? (
                <div className="contact">
                  {[r.reporter.name, r.reporter.email, r.reporter.phone, r.reporter.nikMasked].filter(Boolean).join(' · ')}
                </div>
              ) : (
                <div>{t('hidden')}</div>
              )}
              {r.anonymous ? <p className="hint">{t('anonymousHint')}</p> : null}
            </dd>
          </dl>
          {r.confidential ? <p className="badge badge-late">{t('confidential')}</p> : null}
          {r.mergedInto ? (
            <p>
              <Link to={`/staf/laporan/${r.mergedInto}`}>{t('mergedInto', { tn: r.mergedInto })}</Link>
            </p>
          ) : null}
          {r.outsideAuthority ? <p className="alert alert-info">{t('outside', r.outsideAuthority)}</p> : null}
        </div>
        <div>
          <h2>{t('map')}</h2>
          <Suspense fallback={<Loading />}>
            <MapView label={t('map')} center={{ lat: r.location.lat, lng: r.location.lng }} zoom={16} markers={[{ lat: r.location.lat, lng: r.location.lng, title: r.title }]} />
          </Suspense>
        </div>
      </div>

      {r.photos.length ? (
        <>
          <h2>{t('photos')}</h2>
          <ul className="staff-photos">
            {r.photos.map((p) => (
              <li key={p.id}>
                <a href={p.url} target="_blank" rel="noreferrer">
                  <img
                    src={p.url}
                    width={Math.round((p.width / p.height) * 160)}
                    height={160}
                    loading="lazy"
                    alt={t(p.kind === 'evidence' ? 'photoEvidence' : 'photoReport', { n: p.kind === 'evidence' ? ++photoN.evidence : ++photoN.report })}
                  />
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {r.dispositions.length ? (
        <>
          <h2>{t('dispositions')}</h2>
          <Table columns={[t('fOpd'), t('state'), t('instruction'), t('followUpDue')]}>
            {r.dispositions.map((d, i) => (
              <tr key={i}>
                <td>
                  {d.opdName} <span className="hint">({t(d.role)})</span>
                </td>
                <td>{t(`dispStatus_${d.status}` as StaffKey)}</td>
                <td className="staff-text">{d.instruction ?? '—'}</td>
                <td>
                  {formatDateTime(d.followUpDueAt, lang)}
                  {d.status === 'active' && !d.firstFollowUpAt ? (
                    <div>
                      <SlaBadge sla={{ overdue: (d.workingDaysLeft ?? 0) < 0 || new Date(d.followUpDueAt) < new Date(), workingDaysLeft: d.workingDaysLeft ?? null }} />
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </Table>
        </>
      ) : null}

      <h2 id="actions">{t('actions')}</h2>
      <ActionPanel
        report={r}
        onDone={(label) => {
          setDone(label);
          reload();
        }}
      />

      <h2>{t('timeline')}</h2>
      <ol className="timeline">
        {r.timeline.map((e) => (
          <li key={e.id}>
            <strong>{e.label[lang]}</strong> · <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
            <div className="hint">{[e.actor.name, e.actor.opdName].filter(Boolean).join(' · ') || t(e.actor.role === 'citizen' ? 'reporter' : 'system')}</div>
            {e.message ? (
              <p className="staff-text">
                <span className="visually-hidden">{t('publicReply')}: </span>
                {e.message}
              </p>
            ) : null}
            {e.note ? (
              <p className="internal staff-text">
                <strong>{t('internalNote')}:</strong> {e.note}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </Page>
  );
}
