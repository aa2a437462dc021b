import { useState, type FormEvent } from 'react';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useLang, useT, type Message } from '../../lib/i18n';
import { useApi } from '../../lib/use-api';
import { fieldError, FormError, TextArea } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { newKey } from '../common';
import { m } from '../messages';

interface Referral {
  id: number;
  trackingNumber: string;
  urgent: boolean;
  needLabel: Message;
  headName: string;
  kelurahanName: string;
  instruction: string;
  status: string;
  response: string | null;
  createdAt: string;
}

function Respond({ r, onDone }: { r: Referral; onDone: () => void }) {
  const t = useT(m);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>();
  const [key] = useState(newKey);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', `/kemiskinan/referrals/${r.id}/respond`, { body: { message }, headers: { 'Idempotency-Key': key } });
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextArea label={t('response')} rows={3} required value={message} onChange={(e) => setMessage(e.target.value)} error={fieldError(error, 'message')} />
      <FormError error={error} shownFields={['message']} />
      <button type="submit" className="btn btn-primary">{t('respond')}</button>
    </form>
  );
}

/** An OPD's inbox of referrals from Dinas Sosial (Disdukcapil, Dinkes, Disdik…). */
export default function Referrals() {
  const t = useT(m);
  const { lang } = useLang();
  const { data, error, loading, reload } = useApi<Referral[]>('/kemiskinan/referrals?open=false');
  return (
    <Page title={t('referralsTitle')}>
      {loading && !data ? <Loading /> : error || !data ? <LoadError error={error} retry={reload} /> : !data.length ? <p>{t('referralsEmpty')}</p> : (
        <ul className="card-list">
          {data.map((r) => (
            <li key={r.id} className="card">
              <h2>{r.trackingNumber} — {r.headName} {r.urgent ? <span className="badge badge-late">{t('urgent')}</span> : null}</h2>
              <p>{r.kelurahanName} — {r.needLabel[lang]} — {formatDate(r.createdAt, lang)}</p>
              <p className="prewrap">{r.instruction}</p>
              {r.status === 'done' ? <p className="alert alert-success">{r.response}</p> : <Respond r={r} onDone={reload} />}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
