import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { query } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';
import { navigate, useSearchParams } from '../../lib/router';
import { usePaged } from '../../lib/use-paged';
import { SelectField, TextField, fieldError, SubmitRow } from '../../ui/forms';
import { LoadError, Loading, Page } from '../../ui/page';
import { ReportCards } from '../components';
import { MapView } from '../map';
import { commonM, publicM } from '../messages';
import { useReference } from '../reference';
import { PUBLIC_STATUSES, type ReportSummary } from '../types';
import { KelurahanOptions } from '../../ui/kelurahan-options';

const STATUS_LABELS: Record<(typeof PUBLIC_STATUSES)[number], { id: string; en: string }> = {
  verified: { id: 'Diverifikasi', en: 'Verified' },
  dispositioned: { id: 'Didisposisikan', en: 'Forwarded to agency' },
  in_progress: { id: 'Sedang ditindaklanjuti', en: 'In progress' },
  resolved: { id: 'Selesai ditangani', en: 'Resolved' },
  closed: { id: 'Ditutup', en: 'Closed' },
  outside_authority: { id: 'Bukan kewenangan Pemko', en: 'Outside city authority' },
};
const PAGE = 20;

/** Filters live in the address, so a filtered list can be shared and the back button works. */
export default function PublicReportsPage() {
  const t = useT(publicM);
  const tc = useT(commonM);
  const { lang } = useLang();
  const params = useSearchParams();
  const filters = { status: params.get('status') ?? '', category: params.get('kategori') ?? '', kelurahan: params.get('kelurahan') ?? '', q: params.get('q') ?? '' };
  const view = params.get('tampilan') === 'peta' ? 'map' : 'list';
  const [draft, setDraft] = useState(filters);
  const categories = useReference('categories').data ?? [];
  const regions = useReference('regions').data ?? [];
  const limit = view === 'map' ? 100 : PAGE;
  const { data, error, loading, reload, items, loadMore } = usePaged<ReportSummary>('/reports/public', filters, limit);
  const key = `${filters.status}|${filters.category}|${filters.kelurahan}|${filters.q}|${view}`;

  useEffect(() => {
    setDraft(filters);
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps
  // On a phone the three lists fold under one line, so the first reports show on the first screen;
  // open when one of them narrows the list, and on a wide screen, where they fit beside the search.
  const narrowing = [filters.status, filters.category, filters.kelurahan].filter(Boolean).length;
  const [moreOpen, setMoreOpen] = useState(() => narrowing > 0 || window.matchMedia('(min-width: 800px)').matches);

  const go = (f: typeof filters, v = view) =>
    navigate(`/laporan${query({ status: f.status, kategori: f.category, kelurahan: f.kelurahan, q: f.q.trim(), tampilan: v === 'map' ? 'peta' : '' })}`, { replace: true });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    go(draft);
  };
  const markers = useMemo(
    () => items.map((r) => ({ lat: r.location.lat, lng: r.location.lng, title: `${r.trackingNumber}: ${r.title}`, onOpen: () => navigate(`/laporan/${r.trackingNumber}`) })),
    [items],
  );

  return (
    <Page title={t('title')}>
      <p>{t('lead')}</p>
      <form className="filters" onSubmit={apply} role="search">
        <TextField label={t('search')} name="q" type="search" placeholder={t('searchHint')} value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} error={fieldError(error, 'q')} />
        <details className="filters-more" open={moreOpen} onToggle={(e) => setMoreOpen(e.currentTarget.open)}>
          <summary>{narrowing ? t('moreFiltersOn', { n: narrowing }) : t('moreFilters')}</summary>
          <div className="filters-more-fields">
            <SelectField label={tc('status')} name="status" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
              <option value="">{tc('all')}</option>
              {PUBLIC_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s][lang]}
                </option>
              ))}
            </SelectField>
            <SelectField label={tc('category')} name="category" value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.target.value })}>
              <option value="">{tc('all')}</option>
              {/* Each khidmat, then its sub-categories: the reference list comes in no such order. */}
              {categories.filter((g) => g.parentCode === null).flatMap((g) => [
                <option key={g.code} value={g.code}>{g.name[lang]}</option>,
                ...categories.filter((c) => c.parentCode === g.code).map((c) => <option key={c.code} value={c.code}>{`— ${c.name[lang]}`}</option>),
              ])}
            </SelectField>
            <SelectField label={tc('kelurahan')} name="kelurahan" value={draft.kelurahan} onChange={(e) => setDraft({ ...draft, kelurahan: e.target.value })}>
              <option value="">{tc('all')}</option>
              <KelurahanOptions regions={regions} />
            </SelectField>
          </div>
        </details>
        <SubmitRow label={t('apply')} />
      </form>
      <div className="btn-row" role="group" aria-label={t('view')}>
        <button type="button" className={view === 'list' ? 'btn btn-primary' : 'btn'} aria-pressed={view === 'list'} onClick={() => go(filters, 'list')}>
          {t('list')}
        </button>
        <button type="button" className={view === 'map' ? 'btn btn-primary' : 'btn'} aria-pressed={view === 'map'} onClick={() => go(filters, 'map')}>
          {t('map')}
        </button>
      </div>
      {error ? <LoadError error={error} retry={reload} /> : null}
      {loading && !items.length ? <Loading /> : null}
      <p role="status" className="hint">
        {!loading ? (items.length ? t('found', { n: items.length }) : tc('none')) : ''}
      </p>
      {/* The list stays under the map: keyboard users and weak connections still reach every report. */}
      {view === 'map' ? <MapView label={t('mapLabel')} markers={markers} zoom={12} /> : null}
      <ReportCards items={items} hasMore={data?.hasMore ?? false} onMore={loadMore} />
    </Page>
  );
}
