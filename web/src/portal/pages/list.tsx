import { useEffect, useState, type FormEvent } from 'react';
import { query } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { Link, navigate, useLocation, useSearchParams } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { SubmitRow, TextField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { ItemFacts } from '../common';
import { m } from '../messages';
import { KIND_PATHS, KINDS, kindOfPath, type PublicList } from '../types';
import '../portal.css';

const LIMIT = 10;

/** The portal's front page (every kind) or one kind's list: newest first, or the search's best matches. */
export default function ListPage() {
  const t = useT(m);
  const { lang } = useLang();
  const { path } = useLocation();
  const kind = kindOfPath(path);
  const params = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('hal')) || 1);
  const [words, setWords] = useState(q);
  useEffect(() => setWords(q), [q]);
  const { data, error, loading, reload } = useApi<PublicList>(`/portal/items${query({ kind: kind ?? '', q, limit: LIMIT, offset: (page - 1) * LIMIT })}`);
  const go = (change: { q?: string; hal?: number }) => navigate(`${path}${query({ q, hal: '', ...change })}`);
  const search = (e: FormEvent) => {
    e.preventDefault();
    go({ q: words.trim(), hal: undefined });
  };
  const feed = kind ? `?kind=${kind}` : '';
  return (
    <Page title={kind ? t(`kind.${kind}`) : t('portalTitle')}>
      {kind ? null : <p className="lead">{t('portalLead')}</p>}
      <nav className="pt-tabs" aria-label={t('colKind')}>
        <Link to="/portal" aria-current={kind ? undefined : 'page'}>{t('allKinds')}</Link>
        {KINDS.map((k) => (
          <Link key={k} to={KIND_PATHS[k]} aria-current={kind === k ? 'page' : undefined}>
            {t(`kind.${k}`)}
          </Link>
        ))}
      </nav>
      <form role="search" onSubmit={search}>
        <TextField label={t('search')} type="search" placeholder={t('searchHint')} value={words} onChange={(e) => setWords(e.target.value)} />
        <SubmitRow label={t('searchButton')} />
      </form>
      {error ? <LoadError error={error} retry={reload} /> : null}
      {loading && !data ? <Loading /> : null}
      {data ? (
        <section aria-live="polite">
          {data.items.length ? null : <p role="status">{t('empty')}</p>}
          <ul className="pt-list">
            {data.items.map((item) => (
              <li key={item.path} className="card">
                <p className="pt-meta">
                  {kind ? null : <span className="pt-kind">{t(`kind.${item.kind}`)} · </span>}
                  {t('published', { date: formatDate(item.publishedAt, lang) })}
                </p>
                <h2>
                  <Link to={item.path}>{item.title}</Link>
                </h2>
                <p>{item.summary}</p>
                <ItemFacts item={item} />
              </li>
            ))}
          </ul>
          {page > 1 || data.hasMore ? (
            <nav className="btn-row" aria-label={t('page', { n: page })}>
              {page > 1 ? <button type="button" className="btn" onClick={() => go({ hal: page - 1 })}>{t('prev')}</button> : null}
              <span>{t('page', { n: page })}</span>
              {data.hasMore ? <button type="button" className="btn" onClick={() => go({ hal: page + 1 })}>{t('next')}</button> : null}
            </nav>
          ) : null}
        </section>
      ) : null}
      <p className="pt-feeds">
        <a href={`/portal/rss.xml${feed}`} type="application/rss+xml">RSS</a> · <a href={`/portal/atom.xml${feed}`} type="application/atom+xml">Atom</a>
      </p>
    </Page>
  );
}
