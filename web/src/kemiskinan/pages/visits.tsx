import { useEffect, useState } from 'react';
import { formatDate } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { Loading, LoadError, Page } from '../../ui/page';
import { m } from '../messages';
import { queuedVisits, remove, VISITS_CHANGED, type QueuedVisit } from '../offline';
import type { Message } from '../../lib/i18n';

export interface Visit {
  id: number;
  trackingNumber: string;
  urgent: boolean;
  needLabel: Message;
  headName: string;
  address: string;
  rt: string;
  rw: string;
  kelurahanName: string;
  instruction: string | null;
  dueAt: string;
}

/** Visit records still on this device: waiting to be sent, or refused by the server. */
function useQueued(): QueuedVisit[] {
  const [items, setItems] = useState<QueuedVisit[]>([]);
  useEffect(() => {
    const update = () => void queuedVisits().then(setItems, () => setItems([]));
    update();
    window.addEventListener(VISITS_CHANGED, update);
    return () => window.removeEventListener(VISITS_CHANGED, update);
  }, []);
  return items;
}

export default function Visits() {
  const t = useT(m);
  const { lang } = useLang();
  const { data, error, loading, reload } = useApi<Visit[]>('/kemiskinan/visits');
  const queued = useQueued();
  const waiting = queued.filter((q) => q.state === 'waiting').length;
  // Kept for the visit form, which must open without a connection.
  useEffect(() => {
    if (data) localStorage.setItem('khidmat.kemiskinan.visits', JSON.stringify(data));
  }, [data]);
  const list = data ?? (error ? (JSON.parse(localStorage.getItem('khidmat.kemiskinan.visits') ?? 'null') as Visit[] | null) : null);
  return (
    <Page title={t('visitsTitle')}>
      {waiting ? <p className="alert alert-info" role="status">{t('queuedCount', { n: waiting })}</p> : null}
      {queued.filter((q) => q.state === 'failed').map((q) => (
        <div key={q.key} className="alert alert-error" role="alert">
          <p>{t('refusedVisit', { id: q.visitId })} {q.error?.[lang]}</p>
          <button type="button" className="btn" onClick={() => void remove(q.key)}>{t('discard')}</button>
        </div>
      ))}
      {loading && !list ? <Loading /> : !list ? <LoadError error={error} retry={reload} /> : !list.length ? <p>{t('visitsEmpty')}</p> : (
        <ul className="card-list">
          {list.map((v) => (
            <li key={v.id} className="card">
              <h2>{v.headName} {v.urgent ? <span className="badge badge-late">{t('urgent')}</span> : null}</h2>
              <p>{v.address}, RT {v.rt}/RW {v.rw}, {v.kelurahanName}</p>
              <p>{v.needLabel[lang]} — {t('visitDue', { date: formatDate(v.dueAt, lang) })}</p>
              {v.instruction ? <p className="prewrap">{v.instruction}</p> : null}
              <Link className="btn btn-primary" to={`/kemiskinan/kunjungan/${v.id}`}>{t('openForm')}</Link>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
