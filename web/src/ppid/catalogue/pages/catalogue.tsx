import { useEffect, useState, type FormEvent } from 'react';
import { query } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { useLang, useT } from '../../../lib/i18n';
import { Link, navigate, useSearchParams } from '../../../lib/router';
import { useApi } from '../../../lib/use-api';
import { fieldError, SelectField, SubmitRow, TextField } from '../../../ui/forms';
import { Loading, LoadError, Page } from '../../../ui/page';
import { MoreRow, usePagedList } from '../../common';
import { DocumentLinks, ExemptReason, ItemBadges } from '../common';
import { m } from '../messages';
import { CLASSES, CLASS_LABELS, type CatalogueItem } from '../types';

/** The public Daftar Informasi Publik: search, filter by OPD and class, read, download. */
export default function Catalogue() {
  const t = useT(m);
  const { lang } = useLang();
  const params = useSearchParams();
  const filters = { q: params.get('q') ?? '', opd: params.get('opd') ?? '', class: params.get('jenis') ?? '' };
  const [form, setForm] = useState(filters);
  const key = JSON.stringify(filters);
  useEffect(() => setForm(filters), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const opds = useApi<{ code: string; name: string }[]>('/opds');
  const list = usePagedList<CatalogueItem>('/ppid/catalogue', filters, 20);
  const broadened = (list.data as { broadened?: boolean } | undefined)?.broadened;
  const search = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/ppid/dip${query({ q: form.q.trim(), opd: form.opd, jenis: form.class })}`, { replace: true });
  };
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  return (
    <Page title={t('listTitle')}>
      <p className="lead">{t('listLead')}</p>
      <form className="ppid-filters" role="search" onSubmit={search}>
        <TextField label={t('search')} type="search" placeholder={t('searchHint')} value={form.q} onChange={set('q')} error={fieldError(list.error, 'q')} />
        <SelectField label={t('opd')} value={form.opd} onChange={set('opd')} error={fieldError(list.error, 'opd')}>
          <option value="">{t('allOpds')}</option>
          {opds.data?.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
        </SelectField>
        <SelectField label={t('cls')} value={form.class} onChange={set('class')}>
          <option value="">{t('allClasses')}</option>
          {CLASSES.map((c) => <option key={c} value={c}>{CLASS_LABELS[c][lang]}</option>)}
        </SelectField>
        <SubmitRow label={t('searchButton')} />
      </form>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {list.loading && !list.items.length ? <Loading /> : null}
      {!list.loading && !list.error && !list.items.length ? <p role="status">{t('empty')}</p> : null}
      {broadened && list.items.length ? <p className="alert alert-info" role="status">{t('broadened')}</p> : null}
      <ul className="dip-list">
        {list.items.map((it) => (
          <li key={it.id} className="card">
            <h2><Link to={`/ppid/dip/${it.id}`}>{it.title}</Link></h2>
            <ItemBadges item={it} />
            <p className="dip-meta">{[it.opd.name, it.period, it.format, it.publishedAt ? `${t('publishedAt')} ${formatDate(it.publishedAt, lang)}` : ''].filter(Boolean).join(' · ')}</p>
            <p>{it.summary}</p>
            <ExemptReason item={it} />
            <DocumentLinks item={it} />
          </li>
        ))}
      </ul>
      {list.items.length ? <MoreRow shown={list.items.length} total={list.total} hasMore={list.hasMore} onMore={list.loadMore} /> : null}
      <p><Link to="/ppid/ajukan">{t('requestLink')}</Link></p>
    </Page>
  );
}
