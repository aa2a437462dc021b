import { formatDateTime } from '../lib/format';
import { pick, useLang, useT } from '../lib/i18n';
import { m } from './messages';
import type { PublicItem } from './types';

/** A disruption's times and services, or a clarification's verdict: what a reader checks first. */
export function ItemFacts({ item }: { item: Omit<PublicItem, 'publishedAt'> }) {
  const t = useT(m);
  const { lang } = useLang();
  if (item.kind === 'gangguan') {
    return (
      <dl className="pt-facts">
        <dt>{t('colStatus')}</dt>
        <dd>
          <span className={`pt-badge ${item.endedAt ? 'pt-ok' : 'pt-warn'}`}>{item.endedAt ? t('ended') : t('ongoing')}</span>
        </dd>
        <dt>{t('services')}</dt>
        <dd>{item.services.map((s) => pick(s.label, lang)).join(', ')}</dd>
        <dt>{t('since')}</dt>
        <dd>{formatDateTime(item.since, lang)}</dd>
        {item.endedAt ? (
          <>
            <dt>{t('endedAt')}</dt>
            <dd>{formatDateTime(item.endedAt, lang)}</dd>
          </>
        ) : item.expectedEnd ? (
          <>
            <dt>{t('expectedEnd')}</dt>
            <dd>{formatDateTime(item.expectedEnd, lang)}</dd>
          </>
        ) : null}
      </dl>
    );
  }
  if (item.kind === 'klarifikasi' && item.verdict) {
    return (
      <p>
        {t('verdict')}: <span className={`pt-badge ${item.verdict.code === 'benar' ? 'pt-ok' : 'pt-warn'}`}>{pick(item.verdict.label, lang)}</span>
      </p>
    );
  }
  return null;
}

/** The body's paragraphs as text (never HTML). */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i} className="pt-para">
          {p}
        </p>
      ))}
    </>
  );
}
