import { formatDateTime } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { Link, useLocation } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { Loading, LoadError, Page } from '../../ui/page';
import { ItemFacts, Paragraphs } from '../common';
import { m } from '../messages';
import { KIND_PATHS, kindOfPath, type PublicItem } from '../types';
import '../portal.css';

/** A published item, as anyone reads it. */
export default function ItemPage({ params }: { params: Record<string, string> }) {
  const t = useT(m);
  const { lang } = useLang();
  const kind = kindOfPath(useLocation().path)!;
  const { data, error, loading, reload } = useApi<PublicItem>(`/portal/items/${kind}/${encodeURIComponent(params.slug!)}`);
  if (loading && !data) return <Loading />;
  if (error || !data) return <LoadError error={error} retry={reload} />;
  return (
    <Page title={data.title}>
      <p className="pt-meta">
        {t(`kind.${kind}`)} · {t('published', { date: formatDateTime(data.publishedAt, lang) })}
      </p>
      <p className="lead">{data.summary}</p>
      {data.imageUrl ? <img className="pt-image" src={data.imageUrl} alt="" /> : null}
      <ItemFacts item={data} />
      {data.claim ? (
        <>
          <h2>{t('claim')}</h2>
          <blockquote className="pt-claim">{data.claim}</blockquote>
          <h2>{t('facts')}</h2>
        </>
      ) : null}
      <Paragraphs text={data.body ?? ''} />
      {data.sources.length ? (
        <>
          <h2>{t('sources')}</h2>
          <ul>
            {data.sources.map((s) => (
              <li key={s.url}>
                <a href={s.url} rel="noopener noreferrer nofollow">{s.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link to={KIND_PATHS[kind]}>{t('back', { kind: t(`kind.${kind}`) })}</Link>
      </p>
    </Page>
  );
}
