import { query } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { navigate, useSearchParams } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { SelectField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { Table } from '../../ui/table';
import '../ppid.css';
import { EXEMPTION, label } from '../labels';
import { m, type Key } from '../messages';
import { EXEMPTION_CODES, type Report, type ReportRow } from '../types';

const FIRST_YEAR = 2024;
type Column = [keyof ReportRow, Key];
/** What became of the requests, and how fast and how contested: two tables narrow enough for a tablet. */
const OUTCOMES: Column[] = [
  ['received', 'colReceived'],
  ['successful', 'colSuccessful'],
  ['partiallySuccessful', 'colPartly'],
  ['rejected', 'colRejected'],
  ['notHeld', 'colNotHeld'],
  ['withdrawn', 'colWithdrawn'],
  ['open', 'colOpen'],
];
const TIMING: Column[] = [
  ['answeredLate', 'colLate'],
  ['averageWorkingDays', 'colAvg'],
  ['objections', 'colObjections'],
  ['disputes', 'colDisputes'],
];

/** The yearly report per OPD (Perki 1/2021): a table, and the same as CSV, XLSX and PDF. */
export default function YearlyReport() {
  const t = useT(m);
  const { lang } = useLang();
  const thisYear = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
  const year = Number(useSearchParams().get('tahun')) || thisYear;
  const report = useApi<Report>(`/ppid/report${query({ year })}`);
  const years = Array.from({ length: Math.max(thisYear, year) - FIRST_YEAR + 1 }, (_, i) => Math.max(thisYear, year) - i);
  const cell = (r: ReportRow, k: keyof ReportRow) => {
    const v = r[k] as number | null;
    return <td key={k} className="num">{v === null ? '—' : formatNumber(v, lang, k === 'averageWorkingDays' ? 1 : 0)}</td>;
  };
  const data = report.data;
  const letters = EXEMPTION_CODES.filter((c) => (data?.total.rejectedByExemption[c] ?? 0) > 0);
  return (
    <Page title={t('reportTitle')}>
      <p className="lead">{t('reportLead')}</p>
      <form className="ppid-filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t('year')} value={String(year)} onChange={(e) => navigate(`/ppid/laporan?tahun=${e.target.value}`, { replace: true })}>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </SelectField>
      </form>
      <nav aria-label={t('download')} className="btn-row">
        {(['csv', 'xlsx', 'pdf'] as const).map((f) => (
          <a key={f} className="btn" href={`/api/v1/ppid/report.${f}?year=${year}`} download>{`${t('download')} (${f.toUpperCase()})`}</a>
        ))}
      </nav>
      {report.error ? <LoadError error={report.error} retry={report.reload} /> : !data ? <Loading /> : !data.rows.length ? <p>{t('reportEmpty')}</p> : (
        <>
          {[
            { name: t('reportTitle'), cols: OUTCOMES },
            { name: t('timingTitle'), cols: TIMING },
          ].map(({ name, cols }) => (
            <Table
              key={name}
              stack
              className="ppid-report"
              caption={<caption>{`${name} ${data.year}`}</caption>}
              columns={[t('colOpd'), ...cols.map(([, key]) => ({ label: t(key), num: true }))]}
              // Arrays, not fragments: the table labels each cell of a row for the phone's cards.
              foot={<tr>{[<th key="opd" scope="row">{t('total')}</th>, ...cols.map(([k]) => cell(data.total, k))]}</tr>}
            >
              {data.rows.map((r, i) => (
                <tr key={r.opd?.code ?? `utama-${i}`}>{[<th key="opd" scope="row">{r.opd?.name ?? t('utama')}</th>, ...cols.map(([k]) => cell(r, k))]}</tr>
              ))}
            </Table>
          ))}
          {letters.length ? (
          <Table stack className="ppid-report" caption={<caption>{t('byExemption')}</caption>} columns={[t('letter'), { label: t('count'), num: true }]}>
            {letters.map((c) => (
              <tr key={c}>
                <th scope="row">{label(EXEMPTION, c, lang)}</th>
                <td className="num">{formatNumber(data.total.rejectedByExemption[c] ?? 0, lang)}</td>
              </tr>
            ))}
          </Table>
          ) : null}
        </>
      )}
    </Page>
  );
}
