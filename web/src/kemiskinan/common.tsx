import { useLang, useT } from '../lib/i18n';
import { m } from './messages';
import type { Summary } from './types';

/** Urgency, SLA and register badges shared by the lists and the complaint page. */
export function Badges({ c }: { c: Pick<Summary, 'urgent' | 'registered' | 'sla' | 'statusLabel'> }) {
  const t = useT(m);
  const { lang } = useLang();
  return (
    <span className="kms-badges">
      <span className="badge badge-neutral">{c.statusLabel[lang]}</span>
      {c.urgent ? <span className="badge badge-late">{t('urgent')}</span> : null}
      {c.sla.overdue ? <span className="badge badge-warn">{t('overdue')}</span> : null}
      <span className={`badge ${c.registered ? 'badge-ok' : 'badge-neutral'}`}>{c.registered ? t('registered') : t('unregistered')}</span>
    </span>
  );
}

/** A new random Idempotency-Key for one form submission. */
export const newKey = (): string => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);
