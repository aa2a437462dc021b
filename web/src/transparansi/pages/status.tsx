import { useEffect } from 'react';
import { formatDateTime } from '../../lib/format';
import { pick, useLang, useT } from '../../lib/i18n';
import { useApi } from '../../lib/use-api';
import { Loading, Page } from '../../ui/page';
import { m, MODULE_NAMES } from '../messages';
import type { Health, Status } from '../types';

const BADGE: Record<Health, string> = { up: 'badge-ok', degraded: 'badge-warn', down: 'badge-late', unknown: 'badge-neutral' };
const ALERT: Record<Status['overall'], string> = { up: 'alert-success', degraded: 'alert-info', down: 'alert-error' };
/** Until the first answer says how often the server checks: its default. */
const DEFAULT_CHECK_SECONDS = 20;
/** Older than this many checks: the server itself may be stuck. */
const STALE_CHECKS = 4;

/** Which services work now, from the server's last check (it never waits for the database). */
export default function StatusPage() {
  const t = useT(m);
  const { lang } = useLang();
  const status = useApi<Status>('/status');
  const { reload } = status;
  const s = status.data;
  // The page asks again as often as the server checks.
  const every = Math.max(1, s?.checkSeconds ?? DEFAULT_CHECK_SECONDS);
  useEffect(() => {
    const timer = setInterval(reload, every * 1000);
    return () => clearInterval(timer);
  }, [reload, every]);
  const badge = (h: Health) => <span className={`badge ${BADGE[h]}`}>{t(h)}</span>;
  return (
    <Page title={t('statusTitle')}>
      <p className="lead">{t('statusLead')}</p>
      {!s ? (
        status.error ? <p className="alert alert-error" role="alert">{t('unreachable')}</p> : <Loading />
      ) : (
        <>
          <p className={`alert ${ALERT[s.overall]}`} role="status">
            <strong>{t(`overall_${s.overall}`)}</strong>
            <br />
            {t('checkedAt', { at: formatDateTime(s.builtAt, lang), age: s.ageSeconds, every })}
          </p>
          {s.ageSeconds > STALE_CHECKS * every ? <p className="alert alert-info">{t('stale')}</p> : null}
          <h2>{t('disruptions')}</h2>
          {s.disruptions.length ? (
            <ul className="status-notices">
              {s.disruptions.map((d) => (
                <li key={d.path}>
                  <a href={d.path}><strong>{d.title}</strong></a>
                  <p>{d.summary}</p>
                  <p>{[t('since', { at: formatDateTime(d.since, lang) }), d.expectedEnd ? t('expectedEnd', { at: formatDateTime(d.expectedEnd, lang) }) : null].filter(Boolean).join(', ')}</p>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('noDisruptions')}</p>
          )}
          {s.disruptionsReadAt && s.disruptionsReadAt !== s.builtAt ? <p>{t('readAt', { at: formatDateTime(s.disruptionsReadAt, lang) })}</p> : null}
          <h2>{t('components')}</h2>
          <ul className="status-list">
            {s.components.map((c) => (
              <li key={c.key}>
                {pick(c.label, lang)}: {badge(c.status)}
                {c.detail ? ` ${pick(c.detail, lang)}` : ''}
              </li>
            ))}
          </ul>
          <h2>{t('services')}</h2>
          <ul className="status-list">
            {s.modules.map((x) => (
              <li key={x.name}>
                {MODULE_NAMES[x.name] ? pick(MODULE_NAMES[x.name]!, lang) : x.name}: {badge(x.status)}
              </li>
            ))}
          </ul>
        </>
      )}
      <p><a href="/status.html">{t('lite')}</a></p>
    </Page>
  );
}
