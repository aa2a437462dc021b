import { useEffect, useState, type FormEvent } from 'react';
import { query } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { Link, navigate, useSearchParams } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { SubmitRow, TextField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { m, type Key } from '../messages';
import type { Facet, SearchResult } from '../types';
import '../satudata.css';

const LIMIT = 20;
const FACETS = [
  ['topic', 'facetTopic'],
  ['opd', 'facetOpd'],
  ['year', 'facetYear'],
  ['format', 'facetFormat'],
] as const;
type FacetKey = (typeof FACETS)[number][0];

/** The open data catalogue: words, then facets (topic, OPD, year, format) narrowing the matches. */
export default function Search() {
  const t = useT(m);
  const { lang } = useLang();
  const params = useSearchParams();
  const filters = Object.fromEntries(['q', 'topic', 'opd', 'year', 'format', 'offset'].map((k) => [k, params.get(k) ?? ''])) as Record<FacetKey | 'q' | 'offset', string>;
  const [words, setWords] = useState(filters.q);
  useEffect(() => setWords(filters.q), [filters.q]);
  const offset = Number(filters.offset) || 0;
  const { data, error, loading, reload } = useApi<SearchResult>(`/data/datasets${query({ q: filters.q, topic: filters.topic, opd: filters.opd, year: filters.year, format: filters.format, limit: LIMIT, offset })}`);
  const go = (change: Partial<typeof filters>) => navigate(`/data${query({ ...filters, offset: '', ...change })}`, { replace: true });
  const search = (e: FormEvent) => {
    e.preventDefault();
    go({ q: words.trim() });
  };
  const selected = (k: FacetKey) => (filters[k] ? filters[k].split(',') : []);
  const toggle = (k: FacetKey, value: string) => {
    const now = selected(k);
    go({ [k]: (now.includes(value) ? now.filter((v) => v !== value) : [...now, value]).join(',') });
  };
  const facetList = (k: FacetKey, label: Key, items: Facet) =>
    items.length || selected(k).length ? (
      <fieldset key={k}>
        <legend>{t(label)}</legend>
        {items.map((f) => (
          <label key={f.value}>
            <input type="checkbox" checked={selected(k).includes(f.value)} onChange={() => toggle(k, f.value)} />
            {f.label} ({formatNumber(f.count, lang)})
          </label>
        ))}
      </fieldset>
    ) : null;
  return (
    <Page title={t('searchTitle')}>
      <p className="lead">{t('searchLead')}</p>
      <form role="search" onSubmit={search}>
        <TextField label={t('search')} type="search" placeholder={t('searchHint')} value={words} onChange={(e) => setWords(e.target.value)} />
        <SubmitRow label={t('searchButton')} />
      </form>
      {error ? <LoadError error={error} retry={reload} /> : null}
      {loading && !data ? <Loading /> : null}
      {data ? (
        <div className="sd-layout">
          <aside className="sd-facets" aria-label={t('facetTopic')}>
            {FACETS.map(([k, label]) => facetList(k, label, data.facets[k]))}
            {FACETS.some(([k]) => filters[k]) ? (
              <button type="button" className="btn" onClick={() => go({ topic: '', opd: '', year: '', format: '' })}>
                {t('clear')}
              </button>
            ) : null}
          </aside>
          <section aria-live="polite">
            <p role="status">{data.total ? t('found', { n: formatNumber(data.total, lang) }) : t('empty')}</p>
            <ul className="sd-list">
              {data.items.map((d) => (
                <li key={d.name} className="card">
                  <h2>
                    <Link to={`/data/${d.name}`}>{d.title}</Link>
                  </h2>
                  <p className="sd-meta">
                    {[d.opd.name, d.topicLabel[lang], d.period, d.formats.join(', '), `${t('modified')} ${formatDate(d.modifiedAt, lang)}`].filter(Boolean).join(' · ')}
                  </p>
                  {d.platform ? <span className="badge badge-neutral">{t('platform')}</span> : null}
                  <p>{d.description.length > 240 ? `${d.description.slice(0, 239)}…` : d.description}</p>
                </li>
              ))}
            </ul>
            <div className="btn-row">
              {offset > 0 ? (
                <button type="button" className="btn" onClick={() => go({ offset: String(Math.max(0, offset - LIMIT)) })}>
                  {t('prev')}
                </button>
              ) : null}
              {offset + LIMIT < data.total ? (
                <button type="button" className="btn" onClick={() => go({ offset: String(offset + LIMIT) })}>
                  {t('next')}
                </button>
              ) : null}
            </div>
          </section>
        </div>
      ) : null}
      <p className="hint">{t('apiNote')}</p>
    </Page>
  );
}
