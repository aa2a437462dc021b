import { useT } from '../lib/i18n';
import { m } from './messages';
import type { Sla } from './types';

/** On time / due soon / overdue, counted in working days by the server. */
export function SlaBadge({ sla }: { sla: Pick<Sla, 'overdue' | 'workingDaysLeft'> }) {
  const t = useT(m);
  const n = sla.workingDaysLeft;
  if (sla.overdue) return <span className="badge badge-late">{n && n < 0 ? t('slaLate', { n: -n }) : t('slaLateToday')}</span>;
  if (n === null || n === undefined) return <span className="badge badge-neutral">{t('slaNone')}</span>;
  if (n === 0) return <span className="badge badge-warn">{t('slaToday')}</span>;
  if (n <= 1) return <span className="badge badge-warn">{t('slaSoon', { n })}</span>;
  return <span className="badge badge-ok">{t('slaOk', { n })}</span>;
}

/** A fresh key per submission: a retried request after a network blip never acts twice. */
// getRandomValues works outside secure contexts too (randomUUID does not).
export const idempotencyKey = (): Record<string, string> => ({
  'idempotency-key': Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(''),
});
