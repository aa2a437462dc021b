import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { ApiError, query } from '../../lib/api';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { navigate, useSearchParams } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { TextField, fieldError } from '../../ui/forms';
import { LoadError, Loading, Page } from '../../ui/page';
import { BarChart, RESOLVED, TrendChart } from '../charts';
import { m } from '../messages';
import type { KelurahanCount, OpenMap, Share, Summary } from '../types';
import { Table } from '../../ui/table';

const OpenReportsMap = lazy(() => import('../open-map'));

const DAY_MS = 86_400_000;
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
/** Today's date in WIB at an instant (the server's clock, so presets agree with its data). */
const wibToday = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);

export default function DashboardPage() {
  const t = useT(m);
  const { lang } = useLang();
  const params = useSearchParams();
  const from = params.get('dari') ?? undefined;
  const to = params.get('sampai') ?? undefined;
  const period = query({ from, to });
  const summary = useApi<Summary>(`/dashboard/summary${period}`);
  const map = useApi<OpenMap>(`/dashboard/map${period}`);
  const [draft, setDraft] = useState({ from: from ?? '', to: to ?? '' });

  // Without dates in the address the server picks the default period; show it in the form.
  const shown = summary.data?.period;
  useEffect(() => {
    if (shown) setDraft({ from: shown.from, to: shown.to });
  }, [shown?.from, shown?.to]); // eslint-disable-line react-hooks/exhaustive-deps

  // A reversed period is refused here, before asking: the figures shown stay on screen. (The
  // server refuses it too, with the same words, for an address typed or shared that way.)
  const [reversed, setReversed] = useState(false);
  const go = (f: string, tt: string) => {
    setReversed(false);
    navigate(`/dasbor${query({ dari: f, sampai: tt })}`);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) setReversed(true);
    else go(draft.from, draft.to);
  };
  const today = shown ? wibToday(shown.generatedAt) : undefined;
  const exportHref = (format: 'csv' | 'xlsx') => `/api/v1/dashboard/export.${format}${query({ from: shown?.from, to: shown?.to, lang })}`;
  const periodError = summary.error instanceof ApiError && summary.error.status === 422 ? summary.error : undefined;

  return (
    <Page
      title={t('title')}
      actions={
        summary.data && summary.data.totals.received <= summary.data.exportMaxRows ? (
          <>
            <a className="btn" href={exportHref('csv')} download>
              {t('exportCsv')}
            </a>
            <a className="btn" href={exportHref('xlsx')} download>
              {t('exportXlsx')}
            </a>
          </>
        ) : null
      }
    >
      <div className="dashboard">
        <p className="dash-intro">{t('intro')}</p>
        <form className="dash-period" onSubmit={submit} aria-label={t('period')} noValidate>
          <TextField label={t('from')} type="date" name="from" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} error={fieldError(periodError, 'from')} required />
          <TextField label={t('to')} type="date" name="to" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} error={reversed ? { id: m.id.periodOrder, en: m.en.periodOrder } : fieldError(periodError, 'to')} required />
          <button type="submit" className="btn btn-primary">
            {t('apply')}
          </button>
          {today ? (
            <div className="dash-presets" role="group" aria-label={t('period')}>
              {([
                ['last7', 7],
                ['last30', 30],
                ['last90', 90],
              ] as const).map(([key, n]) => (
                <button key={key} type="button" className="btn" onClick={() => go(addDays(today, -(n - 1)), today)}>
                  {t(key)}
                </button>
              ))}
              <button type="button" className="btn" onClick={() => go(`${today.slice(0, 4)}-01-01`, today)}>
                {t('thisYear')}
              </button>
            </div>
          ) : null}
        </form>

        {summary.loading ? <Loading /> : null}
        {summary.error && !periodError ? <LoadError error={summary.error} retry={summary.reload} /> : null}
        {summary.data ? <SummaryView s={summary.data} /> : null}
        {summary.data ? (
          <p className="hint">
            {summary.data.totals.received > summary.data.exportMaxRows ? t('exportTooLarge', { max: formatNumber(summary.data.exportMaxRows, lang) }) : t('exportNote')}
          </p>
        ) : null}

        <section aria-labelledby="dash-map">
          <h2 id="dash-map">{t('map')}</h2>
          {map.error && !periodError ? <LoadError error={map.error} retry={map.reload} /> : null}
          {map.data ? (
            <>
              <p>{t('mapDesc', { n: formatNumber(map.data.total, lang), c: formatNumber(map.data.confidentialExcluded, lang) })}</p>
              {map.data.mode === 'clusters' ? <p className="hint">{t('mapClusters')}</p> : null}
              {map.data.capped ? <p className="hint">{t('mapCapped')}</p> : null}
              <Suspense fallback={<Loading />}>
                <OpenReportsMap data={map.data} />
              </Suspense>
              <KelurahanTable title={t('openByKelurahan')} rows={map.data.byKelurahan} />
            </>
          ) : null}
        </section>
      </div>
    </Page>
  );
}

function SummaryView({ s }: { s: Summary }) {
  const t = useT(m);
  const { lang } = useLang();
  const n = (x: number) => formatNumber(x, lang);
  const days = (x: number | null) => (x === null ? t('noData') : t('days', { n: formatNumber(x, lang, Number.isInteger(x) ? 0 : 1) }));
  const pct = (sh: Share) => (sh.share === null ? t('noData') : formatPercent(sh.share, lang));
  const of = (sh: Share) => (sh.decided ? t('ofDecided', { met: n(sh.met), decided: n(sh.decided) }) : t('noneDecided'));
  const withReports = s.byKelurahan.filter((k) => k.count > 0);
  const quiet = s.byKelurahan.filter((k) => k.count === 0);
  const tiles: { key: string; label: string; value: string; note?: string; tone?: string }[] = [
    { key: 'received', label: t('received'), value: n(s.totals.received) },
    { key: 'open', label: t('open'), value: n(s.totals.open) },
    { key: 'resolved', label: t('resolved'), value: n(s.totals.resolved) },
    { key: 'overdue', label: t('overdue'), value: n(s.totals.overdue), tone: s.totals.overdue ? 'late' : undefined },
    { key: 'verifySla', label: t('verifySla'), value: pct(s.totals.verifySla), note: of(s.totals.verifySla) },
    { key: 'followUpSla', label: t('followUpSla'), value: pct(s.totals.followUpSla), note: of(s.totals.followUpSla) },
    { key: 'resolveSla', label: t('resolveSla'), value: pct(s.totals.resolveSla), note: of(s.totals.resolveSla) },
    { key: 'medianVerify', label: t('medianVerify'), value: days(s.totals.medians.verify) },
    { key: 'medianFollowUp', label: t('medianFollowUp'), value: days(s.totals.medians.followUp) },
    { key: 'medianResolve', label: t('medianResolve'), value: days(s.totals.medians.resolve) },
  ];

  return (
    <>
      <p className="dash-showing">
        {t('showing', { from: formatDate(s.period.from, lang), to: formatDate(s.period.to, lang), at: formatDateTime(s.period.generatedAt, lang) })}
      </p>
      <ul className="kpis">
        {tiles.map((x) => (
          <li key={x.key} className={`kpi${x.tone ? ` kpi-${x.tone}` : ''}`} data-kpi={x.key}>
            <span className="kpi-label">{x.label}</span>
            <span className="kpi-value">{x.value}</span>
            {x.note ? <span className="kpi-note">{x.note}</span> : null}
          </li>
        ))}
      </ul>

      <TrendChart title={t('trend')} description={t('trendDesc')} weeks={s.trend} />
      <p className="hint">{t('trendDesc')}</p>

      <div className="dash-grid">
        <BarChart title={t('byStatus')} header={t('label')} rows={s.byStatus.filter((x) => x.count > 0).map((x) => ({ key: x.code, label: x.label[lang], value: x.count }))} />
        <BarChart title={t('byCategory')} header={t('label')} rows={s.byCategory.map((x) => ({ key: x.code, label: x.label[lang], value: x.count }))} />
        <BarChart title={t('byOpd')} header={t('opd')} color={RESOLVED} rows={s.byOpd.map((o) => ({ key: o.code, label: o.shortName, value: o.reports })).sort((a, b) => b.value - a.value)} />
        <div>
          <BarChart title={t('byKelurahan')} header={t('kelurahan')} rows={withReports.map((k) => ({ key: k.code, label: k.name, value: k.count }))} />
          {quiet.length && withReports.length ? <p className="hint">{t('byKelurahanNote', { names: quiet.map((k) => k.name).join(', ') })}</p> : null}
        </div>
      </div>

      <section aria-labelledby="dash-ranking">
        <h2 id="dash-ranking">{t('ranking')}</h2>
        <p>{t('rankingHow', { days: s.sla.followUpWorkingDays })}</p>
        {s.byOpd.length ? (
          <Table
            className="dash-table"
            stack
            caption={<caption className="visually-hidden">{t('ranking')}</caption>}
            columns={[
              { label: t('rank'), num: true },
              t('opd'),
              ...(['dispositions', 'followUpShare', 'medianFollowUpShort', 'resolveShare', 'medianVerifyShort', 'medianResolveShort'] as const).map((k) => ({ label: t(k), num: true })),
            ]}
            foot={
              <tr>
                <td />
                <th scope="row">{t('allOpds')}</th>
                <td className="num">{n(s.byOpd.reduce((x, o) => x + o.dispositions, 0))}</td>
                <td className="num">
                  {pct(s.totals.followUpSla)} <span className="hint">({of(s.totals.followUpSla)})</span>
                </td>
                <td className="num">{s.totals.medians.followUp === null ? t('noData') : formatNumber(s.totals.medians.followUp, lang, 1)}</td>
                <td className="num">
                  {pct(s.totals.resolveSla)} <span className="hint">({of(s.totals.resolveSla)})</span>
                </td>
                <td className="num">{s.totals.medians.verify === null ? t('noData') : formatNumber(s.totals.medians.verify, lang, 1)}</td>
                <td className="num">{s.totals.medians.resolve === null ? t('noData') : formatNumber(s.totals.medians.resolve, lang, 1)}</td>
              </tr>
            }
          >
            {s.byOpd.map((o) => (
              <tr key={o.code} data-opd={o.code}>
                <td className="num">{o.rank ?? t('notRanked')}</td>
                <th scope="row">
                  <abbr title={o.name}>{o.shortName}</abbr>
                </th>
                <td className="num">{n(o.dispositions)}</td>
                <td className="num">
                  {pct(o.followUpSla)} <span className="hint">({of(o.followUpSla)})</span>
                </td>
                <td className="num">{o.medians.followUp === null ? t('noData') : formatNumber(o.medians.followUp, lang, 1)}</td>
                <td className="num">
                  {pct(o.resolveSla)} <span className="hint">({of(o.resolveSla)})</span>
                </td>
                <td className="num">{o.medians.verify === null ? t('noData') : formatNumber(o.medians.verify, lang, 1)}</td>
                <td className="num">{o.medians.resolve === null ? t('noData') : formatNumber(o.medians.resolve, lang, 1)}</td>
              </tr>
            ))}
          </Table>
        ) : (
          <p>{t('empty')}</p>
        )}
      </section>
    </>
  );
}

function KelurahanTable({ title, rows }: { title: string; rows: KelurahanCount[] }) {
  const t = useT(m);
  const { lang } = useLang();
  return (
    <Table className="dash-table" columns={[t('kelurahan'), t('kecamatan'), { label: t('count'), num: true }]} caption={<caption>{title}</caption>}>
      {rows.length ? (
        rows.map((k) => (
          <tr key={k.code}>
            <th scope="row">{k.name}</th>
            <td>{k.kecamatan}</td>
            <td className="num">{formatNumber(k.count, lang)}</td>
          </tr>
        ))
      ) : (
        <tr>
          <td colSpan={3}>{t('empty')}</td>
        </tr>
      )}
    </Table>
  );
}
