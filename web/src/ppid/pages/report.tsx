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
const COUNTS: [keyof ReportRow, Key][] = [
  ['received', 'colReceived'],
  ['successful', 'colSuccessful'],
  ['partiallySuccessful', 'colPartly'],
  ['rejected', 'colRejected'],
  ['notHeld', 'colNotHeld'],
  ['withdrawn', 'colWithdrawn'],
  ['open', 'colOpen'],
  ['answeredLate', 'colLate'],
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
  const cells = (r: ReportRow) => (
    <>
      {COUNTS.map(([k]) => <td key={k} className="num">{formatNumber(r[k] as number, lang)}</td>)}
      <td className="num">{r.averageWorkingDays === null ? '—' : formatNumber(r.averageWorkingDays, lang, 1)}</td>
    </>
  );
  const columns = [t('colOpd'), ...COUNTS.map(([, key]) => ({ label: t(key), num: true })), { label: t('colAvg'), num: true }];
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
          <Table
            stack
            className="staff-table"
            caption={<caption>{`${t('reportTitle')} ${data.year}`}</caption>}
            columns={columns}
            foot={<tr><th scope="row">{t('total')}</th>{cells(data.total)}</tr>}
          >
            {data.rows.map((r, i) => (
              <tr key={r.opd?.code ?? `utama-${i}`}>
                <th scope="row">{r.opd?.name ?? t('utama')}</th>
                {cells(r)}
              </tr>
            ))}
          </Table>
          {letters.length ? (
          <Table stack className="staff-table" caption={<caption>{t('byExemption')}</caption>} columns={[t('letter'), { label: t('count'), num: true }]}>
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
