import { query } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useLang, useT, type Message } from '../../lib/i18n';
import { navigate, useLocation, useSearchParams } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { SelectField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { m } from '../messages';
import { Table } from '../../ui/table';

interface Row {
  received: number;
  handled: number;
  sharePercent: number;
}
interface Figures extends Row {
  averageDaysToHandle: number | null;
  byNeed: (Row & { key: string; label: Message })[];
  byRegistered: (Row & { registered: boolean })[];
  byKelurahan: (Row & { code: string; name: string })[];
}

function FigureTable({ caption, rows }: { caption: string; rows: (Row & { name: string })[] }) {
  const t = useT(m);
  const { lang } = useLang();
  return (
    <Table className="staff-table" caption={<caption>{caption}</caption>} columns={[caption, t('received'), t('handled'), '%']}>
      {rows.map((r) => <tr key={r.name}><th scope="row">{r.name}</th><td>{formatNumber(r.received, lang)}</td><td>{formatNumber(r.handled, lang)}</td><td>{r.sharePercent}%</td></tr>)}
    </Table>
  );
}

/** Received, handled and share, as Sitanjak Makin Mantap reported them, per year or month. */
export default function FiguresPage() {
  const t = useT(m);
  const { lang } = useLang();
  const { path } = useLocation();
  const params = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('tahun') ?? thisYear);
  const month = params.get('bulan') ?? '';
  const { data, error, loading, reload } = useApi<Figures>(`/kemiskinan/figures${query({ year, month })}`);
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    navigate(`${path}?${next.toString()}`, { replace: true });
  };
  const monthNames = Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, i, 1))));
  return (
    <Page title={t('figuresTitle')} actions={month ? <a className="btn" href={`/api/v1/kemiskinan/figures/monthly-report${query({ year, month })}`} download>{t('monthlyPdf')}</a> : null}>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t('year')} value={String(year)} onChange={(e) => set('tahun', e.target.value)}>
          {[thisYear, thisYear - 1, thisYear - 2].map((y) => <option key={y} value={y}>{y}</option>)}
        </SelectField>
        <SelectField label={t('month')} value={month} onChange={(e) => set('bulan', e.target.value)}>
          <option value="">{t('wholeYear')}</option>
          {monthNames.map((n, i) => <option key={n} value={i + 1}>{n}</option>)}
        </SelectField>
      </form>
      {loading && !data ? <Loading /> : error || !data ? <LoadError error={error} retry={reload} /> : (
        <>
          <div className="kpis">
            <div className="kpi"><span className="kpi-label">{t('received')}</span><span className="kpi-value">{formatNumber(data.received, lang)}</span></div>
            <div className="kpi"><span className="kpi-label">{t('handled')}</span><span className="kpi-value">{formatNumber(data.handled, lang)}</span></div>
            <div className="kpi"><span className="kpi-label">{t('share')}</span><span className="kpi-value">{data.sharePercent}%</span></div>
            <div className="kpi"><span className="kpi-label">{t('avgDays')}</span><span className="kpi-value">{data.averageDaysToHandle === null ? '—' : formatNumber(data.averageDaysToHandle, lang, 1)}</span></div>
          </div>
          <FigureTable caption={t('byNeed')} rows={data.byNeed.map((r) => ({ ...r, name: r.label[lang] }))} />
          <FigureTable caption={t('byRegistered')} rows={data.byRegistered.map((r) => ({ ...r, name: r.registered ? t('registered') : t('unregistered') }))} />
          <FigureTable caption={t('byKelurahan')} rows={data.byKelurahan} />
        </>
      )}
    </Page>
  );
}
