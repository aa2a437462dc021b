import { useRef, useState } from 'react';
import { api } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { Checkbox, FormError, SubmitRow, TextField } from '../../ui/forms';
import { LoadError, Loading } from '../../ui/page';
import { Table } from '../../ui/table';
import { im } from '../messages';

interface Delivery {
  id: number;
  event: string;
  application: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
}
interface WebhookLog {
  webhook: { url: string; active: boolean } | null;
  deliveries: Delivery[];
}
interface ApiKey {
  id: number;
  name: string;
  issuedBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('id-ID', { dateStyle: 'short', timeStyle: 'short' }) : '–');

function Webhook({ code }: { code: string }) {
  const t = useT(im);
  const log = useApi<WebhookLog>(`/layanan/services/${code}/webhook`);
  const [form, setForm] = useState<{ url: string; secret: string; active: boolean } | null>(null);
  const current = form ?? { url: log.data?.webhook?.url ?? '', secret: '', active: log.data?.webhook?.active ?? true };
  const save = useSubmit(() => api('PUT', `/layanan/services/${code}/webhook`, { body: current }), () => { setForm(null); log.reload(); });
  const stop = useSubmit(() => api('DELETE', `/layanan/services/${code}/webhook`), () => { setForm(null); log.reload(); });
  if (log.error) return <LoadError error={log.error} retry={log.reload} />;
  if (!log.data) return <Loading />;
  return (
    <>
      <p className="hint">{t('webhookLead')}</p>
      <form onSubmit={save.submit} noValidate>
        <TextField label={t('url')} type="url" value={current.url} onChange={(e) => setForm({ ...current, url: e.target.value })} />
        <TextField label={t('secret')} type="password" autoComplete="new-password" value={current.secret} onChange={(e) => setForm({ ...current, secret: e.target.value })} />
        <Checkbox label={t('active')} checked={current.active} onChange={(e) => setForm({ ...current, active: e.target.checked })} />
        <FormError error={save.error ?? stop.error} />
        <SubmitRow label={t('save')} tone="plain" busy={save.busy} />
      </form>
      {log.data.webhook ? <button type="button" className="btn btn-danger" onClick={() => void stop.submit()}>{t('remove')}</button> : <p>{t('none')}</p>}
      <h3>{t('log')}</h3>
      {log.data.deliveries.length ? (
        <Table stack columns={[t('event'), t('application'), t('status'), t('attempts'), t('code'), t('error'), t('next')]} caption={<caption className="visually-hidden">{t('log')}</caption>}>
          {log.data.deliveries.map((d) => (
            <tr key={d.id}>
              <td>{d.event}</td><td>{d.application}</td><td>{t(`status_${d.status}`)}</td><td>{d.attempts}</td><td>{d.lastStatusCode ?? '–'}</td><td>{d.lastError ?? '–'}</td><td>{when(d.nextAttemptAt)}</td>
            </tr>
          ))}
        </Table>
      ) : <p>{t('noDeliveries')}</p>}
    </>
  );
}

function Keys() {
  const t = useT(im);
  const keys = useApi<ApiKey[]>('/layanan/opd-keys');
  const [name, setName] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const issue = useSubmit(() => api<{ key: string }>('POST', '/layanan/opd-keys', { body: { name } }), (r) => { setShown(r.key); setName(''); keys.reload(); });
  const revoking = useRef<number | null>(null);
  const revoke = useSubmit(() => api('DELETE', `/layanan/opd-keys/${revoking.current}`), () => keys.reload());
  if (keys.error) return <LoadError error={keys.error} retry={keys.reload} />;
  if (!keys.data) return <Loading />;
  return (
    <>
      <p className="hint">{t('keysLead')}</p>
      <form onSubmit={issue.submit} noValidate>
        <TextField label={t('keyName')} value={name} onChange={(e) => setName(e.target.value)} />
        <FormError error={issue.error ?? revoke.error} />
        <SubmitRow label={t('issue')} tone="plain" busy={issue.busy} />
      </form>
      {shown ? <p className="alert" role="status">{t('issued')} <code>{shown}</code></p> : null}
      <ul>
        {keys.data.map((k) => (
          <li key={k.id}>
            {k.name} — {k.issuedBy}, {when(k.createdAt)}; {t('lastUsed')}: {k.lastUsedAt ? when(k.lastUsedAt) : t('never')}{' '}
            {k.revokedAt ? <strong>{t('revoked')}</strong> : <button type="button" className="btn btn-danger" onClick={() => { revoking.current = k.id; void revoke.submit(); }}>{t('revoke')} {k.name}</button>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The service's integration with the OPD's own system: its webhook and delivery log, and the OPD's API keys (the OPD admin's own). */
export function Integration({ code }: { code: string }) {
  const t = useT(im);
  return (
    <section className="layanan-editor-block" aria-labelledby="ed-integration">
      <h2 id="ed-integration">{t('title')}</h2>
      <Webhook code={code} />
      <h3>{t('keys')}</h3>
      <Keys />
    </section>
  );
}
