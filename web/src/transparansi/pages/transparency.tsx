import { query } from '../../lib/api';
import { formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { pick, useLang, useT } from '../../lib/i18n';
import { navigate, useSearchParams } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { SelectField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { Table } from '../../ui/table';
import { m } from '../messages';
import type { Share, Transparency } from '../types';

/** The first year the platform counts. */
const FIRST_YEAR = 2020;

/** A year's public figures: complaints and SLA per OPD, IKM per unit, PPID requests, e-monev realisation. */
export default function TransparencyPage() {
  const t = useT(m);
  const { lang } = useLang();
  const thisYear = new Date().getFullYear();
  const year = Number(useSearchParams().get('tahun')) || thisYear;
  const f = useApi<Transparency>(`/transparansi${query({ year })}`);
  const share = (s: Share) => (s.share === null ? '—' : `${formatPercent(s.share, lang)} (${s.met}/${s.decided})`);
  const num = (x: number | null, digits = 0) => (x === null ? '—' : formatNumber(x, lang, digits));
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const d = f.data;
  return (
    <Page title={t('transparencyTitle')}>
      <p className="lead">{t('transparencyLead')}</p>
      <form onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t('year')} value={String(year)} onChange={(e) => navigate(`/transparansi${query({ tahun: e.target.value })}`, { replace: true })}>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </SelectField>
      </form>
      {f.error ? <LoadError error={f.error} retry={f.reload} /> : !d ? <Loading /> : (
        <>
          <h2>{t('complaints')}</h2>
          {!d.complaints.byOpd.length ? <p>{t('none')}</p> : (
            <Table
              stack
              columns={[t('opd'), { label: t('received'), num: true }, { label: t('handled'), num: true }, t('followUpSla'), t('resolveSla')]}
              foot={<tr>{[<th key="n" scope="row">{t('total')}</th>, <td key="r" className="num">{d.complaints.total.received}</td>, <td key="h" className="num">{d.complaints.total.handled}</td>, <td key="f">{share(d.complaints.total.followUpSla)}</td>, <td key="s">{share(d.complaints.total.resolveSla)}</td>]}</tr>}
            >
              {d.complaints.byOpd.map((o) => (
                <tr key={o.code}>{[<th key="n" scope="row">{o.name}</th>, <td key="r" className="num">{o.received}</td>, <td key="h" className="num">{o.handled}</td>, <td key="f">{share(o.followUpSla)}</td>, <td key="s">{share(o.resolveSla)}</td>]}</tr>
              ))}
            </Table>
          )}
          <h2>{t('ikm')}</h2>
          {!d.ikm.length ? <p>{t('noIkm')}</p> : (
            <Table stack columns={[t('unit'), { label: t('respondents'), num: true }, { label: t('converted'), num: true }, t('band')]}>
              {d.ikm.map((u) => (
                <tr key={`${u.opd?.code ?? ''}:${u.name}`}>{[<th key="n" scope="row">{u.name}</th>, <td key="r" className="num">{u.respondents}</td>, <td key="c" className="num">{num(u.converted, 2)}</td>, <td key="b">{u.grade && u.label ? `${u.grade} (${pick(u.label, lang)})` : '—'}</td>]}</tr>
              ))}
            </Table>
          )}
          <h2>{t('ppid')}</h2>
          {!d.ppid.total.received ? <p>{t('none')}</p> : (
            <Table
              stack
              columns={[t('opd'), { label: t('received'), num: true }, { label: t('successful'), num: true }, { label: t('rejected'), num: true }, { label: t('open'), num: true }, { label: t('late'), num: true }, { label: t('avgDays'), num: true }, { label: t('objections'), num: true }]}
              foot={<PpidCells label={t('total')} r={d.ppid.total} num={num} />}
            >
              {d.ppid.byOpd.map((r) => <PpidCells key={r.opd?.code ?? 'ppid'} label={r.opd?.name ?? 'PPID Utama'} r={r} num={num} />)}
            </Table>
          )}
          <h2>{t('emonev')}</h2>
          {!d.emonev.length ? <p>{t('noEmonev')}</p> : (
            <Table stack columns={[t('opd'), { label: t('budget'), num: true }, { label: t('spent'), num: true }, { label: t('physical'), num: true }]}>
              {d.emonev.map((r) => (
                <tr key={r.opd.code}>{[<th key="n" scope="row">{r.opd.name}</th>, <td key="b" className="num">{num(r.budget)}</td>, <td key="f" className="num">{r.financialPct === null ? '—' : `${num(r.financialPct, 2)}%`}</td>, <td key="p" className="num">{r.physicalPct === null ? '—' : `${num(r.physicalPct, 2)}%`}</td>]}</tr>
              ))}
            </Table>
          )}
          <p>{t('generatedAt', { at: formatDateTime(d.generatedAt, lang) })} <a href="/status">{t('statusLink')}</a></p>
        </>
      )}
    </Page>
  );
}

function PpidCells({ label, r, num }: { label: string; r: Transparency['ppid']['total']; num: (x: number | null, digits?: number) => string }) {
  return (
    <tr>
      {[
        <th key="n" scope="row">{label}</th>,
        <td key="r" className="num">{r.received}</td>,
        <td key="s" className="num">{r.successful + r.partiallySuccessful}</td>,
        <td key="x" className="num">{r.rejected}</td>,
        <td key="o" className="num">{r.open}</td>,
        <td key="l" className="num">{r.answeredLate}</td>,
        <td key="a" className="num">{num(r.averageWorkingDays, 1)}</td>,
        <td key="b" className="num">{r.objections}</td>,
      ]}
    </tr>
  );
}
