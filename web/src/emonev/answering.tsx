import { formatNumber } from '../lib/format';
import { useLang, useT } from '../lib/i18n';
import { useApi } from '../lib/use-api';
import { answeringM } from './messages';

interface Answering {
  items: { code: string; name: string; output: string; opdName: string; year: number; budget: number; physicalPct: number | null; month: number | null }[];
}

/** On a complaint's public page: the city's activities (e-monev) that answer it, with their verified progress. Renders nothing when none does. */
export default function AnsweringActivities({ trackingNumber }: { trackingNumber: string }) {
  const t = useT(answeringM);
  const { lang } = useLang();
  const { data } = useApi<Answering>(`/emonev/complaints/${encodeURIComponent(trackingNumber)}/activities`);
  if (!data?.items.length) return null;
  return (
    <section aria-labelledby="answering">
      <h2 id="answering">{t('title')}</h2>
      <ul>
        {data.items.map((a) => (
          <li key={`${a.year}-${a.code}`}>
            <strong>{a.name}</strong> ({a.opdName}, {a.year}) — {a.output}. {t('progress')}:{' '}
            {a.physicalPct === null ? t('notYet') : `${formatNumber(a.physicalPct, lang, 1)}% (${t('asOf', { n: a.month ?? '' })})`}
          </li>
        ))}
      </ul>
    </section>
  );
}
