import { useEffect, useState } from 'react';
import { api, query } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { Link, navigate, useLocation, useSearchParams } from '../../lib/router';
import { useSession } from '../../lib/session';
import { SelectField, TextField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { SlaBadge } from '../common';
import { m, type StaffKey } from '../messages';
import type { Summary } from '../types';
import { Table } from '../../ui/table';

interface View {
  key: string;
  label: StaffKey;
  params: Record<string, string | boolean>;
  /** Two requests, overdue first: the list API orders by date only. */
  overdueFirst: boolean;
}

const TRIAGE_VIEWS: View[] = [
  { key: 'baru', label: 'viewNew', params: { status: 'submitted,postponed' }, overdueFirst: true },
  { key: 'terverifikasi', label: 'viewVerified', params: { status: 'verified' }, overdueFirst: true },
  { key: 'semua', label: 'viewAll', params: {}, overdueFirst: false },
];
const OPD_VIEWS: View[] = [
  { key: 'aktif', label: 'viewActive', params: { active: true }, overdueFirst: true },
  { key: 'semua', label: 'viewAll', params: {}, overdueFirst: false },
];

interface ListAnswer {
  items: Summary[];
  hasMore: boolean;
}

async function load(view: View, q: string, signal: AbortSignal): Promise<ListAnswer> {
  const base = { ...view.params, q, limit: 100 };
  if (!view.overdueFirst) return api<ListAnswer>('GET', `/reports${query(base)}`, { signal });
  const [late, onTime] = await Promise.all([
    api<ListAnswer>('GET', `/reports${query({ ...base, overdue: true })}`, { signal }),
    api<ListAnswer>('GET', `/reports${query({ ...base, overdue: false })}`, { signal }),
  ]);
  return { items: [...late.items, ...onTime.items], hasMore: late.hasMore || onTime.hasMore };
}

/** The triage desk (Diskominfo) and the OPD inbox: one list, its views chosen by role. */
export default function WorkList() {
  const t = useT(m);
  const { lang } = useLang();
  const { user } = useSession();
  const { path } = useLocation();
  const params = useSearchParams();
  const isOpd = user?.role === 'opd_admin' || user?.role === 'opd_officer';
  const views = isOpd ? OPD_VIEWS : TRIAGE_VIEWS;
  const view = views.find((v) => v.key === params.get('tampil')) ?? views[0]!;
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const [state, setState] = useState<{ items?: Summary[]; hasMore?: boolean; error?: unknown }>({});
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    setState({});
    load(view, q, ctrl.signal).then(
      (list) => setState(list),
      (error: unknown) => (error as Error).name !== 'AbortError' && setState({ error }),
    );
    return () => ctrl.abort();
  }, [view, q, tick]);

  const go = (next: { tampil?: string; q?: string }) => navigate(`${path}${query({ tampil: next.tampil ?? view.key, q: next.q ?? q })}`, { replace: true });

  return (
    <Page title={t(isOpd ? 'inboxTitle' : 'triageTitle')}>
      <form
        className="staff-filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: draft });
        }}
      >
        <SelectField label={t('view')} value={view.key} onChange={(e) => go({ tampil: e.target.value })}>
          {views.map((v) => (
            <option key={v.key} value={v.key}>
              {t(v.label)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('search')} type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" className="btn">
          {t('searchButton')}
        </button>
      </form>
      {view.overdueFirst ? <p className="hint">{t('overdueFirst')}</p> : null}
      {state.error ? <LoadError error={state.error} retry={() => setTick((x) => x + 1)} /> : null}
      {!state.items && !state.error ? <Loading /> : null}
      {state.items ? (
        state.items.length === 0 ? (
          <p>{t('empty')}</p>
        ) : (
          <>
            <p className="hint" role="status">
              {t('count', { n: state.items.length })}
            </p>
            {state.hasMore ? <p className="alert alert-info">{t('more')}</p> : null}
            <Table className="staff-table" stack columns={[t('colReport'), t('colCategory'), t('colPlace'), t('colStatus'), t('colSla'), t('colFiled')]}>
              {state.items.map((r) => (
                <tr key={r.trackingNumber}>
                  <td>
                    <Link to={`/staf/laporan/${r.trackingNumber}`}>{r.trackingNumber}</Link>
                    <div>{r.title}</div>
                    {r.jurisdiction !== 'kota' ? <span className="badge badge-warn">{t(`jurisdiction_${r.jurisdiction}`)}</span> : null}
                  </td>
                  <td>{r.category.name[lang]}</td>
                  <td>
                    {r.location.kelurahanName}
                    <div className="hint">{r.location.kecamatanName}</div>
                  </td>
                  <td>{r.statusLabel[lang]}</td>
                  <td>
                    <SlaBadge sla={r.sla} />
                  </td>
                  <td>{formatDate(r.createdAt, lang)}</td>
                </tr>
              ))}
            </Table>
          </>
        )
      ) : null}
    </Page>
  );
}
