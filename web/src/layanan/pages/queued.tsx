import { useLang, useT } from '../../lib/i18n';
import { m } from '../messages';
import { discardQueued, useApplicationOutbox } from '../outbox';

/** Applications kept on this device until the connection returns (or refused, to discard). */
export function QueuedList() {
  const t = useT(m);
  const { lang } = useLang();
  const waiting = useApplicationOutbox();
  if (!waiting.length) return null;
  return (
    <section aria-labelledby="layanan-queued">
      <h2 id="layanan-queued">{t('queuedList')}</h2>
      <ul>
        {waiting.map((q) => (
          <li key={q.id}>
            {q.filing.serviceCode} — {q.state === 'failed' ? `${t('queuedFailed')}: ${q.error?.[lang] ?? ''}` : t('queuedList')}{' '}
            <button type="button" className="btn" onClick={() => void discardQueued(q.id)}>{t('discard')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
