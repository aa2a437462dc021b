import { query } from '../../lib/api';
import { formatPercent } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { Link, navigate, useSearchParams } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { SelectField, TextField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { Table } from '../../ui/table';
import { m, STATUS } from '../messages';
import { monthName, pct, rp, thisYear } from '../format';
import { CITY_READERS, type Evaluation, type Share } from '../types';

/** An OPD's month for the mayor's meeting: each sub-activity against its plan, beside its complaints, SLA shares and IKM. */
export default function EvaluationPage() {
  const t = useT(m);
  const { lang } = useLang();
  const { user } = useSession();
  const search = useSearchParams();
  const city = !!user && CITY_READERS.includes(user.role);
  const lastMonth = new Date(Date.now() + 7 * 3600_000 - 28 * 86_400_000);
  const year = Number(search.get('tahun')) || (search.get('bulan') ? thisYear() : lastMonth.getUTCFullYear());
  const month = Number(search.get('bulan')) || lastMonth.getUTCMonth() + 1;
  const opd = search.get('opd') ?? '';
  const opds = useApi<{ code: string; name: string }[]>(city ? '/opds' : null);
  const e = useApi<Evaluation>(!city || opd ? `/emonev/evaluation${query({ year, month, opd: opd || undefined })}` : null);
  const go = (p: { tahun?: number; bulan?: number; opd?: string }) => navigate(`/emonev/evaluasi${query({ tahun: year, bulan: month, opd: opd || undefined, ...p })}`, { replace: true });
  const share = (s: Share) => (s.share === null ? '—' : `${formatPercent(s.share, lang)} (${s.met}/${s.decided})`);
  const d = e.data;
  return (
    <Page title={t('evalTitle')}>
      <p className="lead">{t('evalLead')}</p>
      <form onSubmit={(ev) => ev.preventDefault()}>
        {city ? (
          <SelectField label={t('opd')} value={opd} onChange={(ev) => go({ opd: ev.target.value })}>
            <option value="">—</option>
            {(opds.data ?? []).map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
          </SelectField>
        ) : null}
        <TextField label={t('year')} type="number" min={2020} max={2100} value={year} onChange={(ev) => Number(ev.target.value) >= 2020 && go({ tahun: Number(ev.target.value) })} />
        <SelectField label={t('month')} value={String(month)} onChange={(ev) => go({ bulan: Number(ev.target.value) })}>
          {Array.from({ length: 12 }, (_, i) => <option key={i} value={i + 1}>{monthName(i + 1, lang)}</option>)}
        </SelectField>
      </form>
      {city && !opd ? <p>{t('chooseOpd')}</p> : e.error ? <LoadError error={e.error} retry={e.reload} /> : !d ? <Loading /> : (
        <>
          <h2>{`${d.opd.name} — ${monthName(d.month, lang)} ${d.year}`}</h2>
          <dl className="review">
            <div><dt>{t('received')}</dt><dd>{d.complaints.received}</dd></div>
            <div><dt>{t('handled')}</dt><dd>{d.complaints.handled}</dd></div>
            <div><dt>{t('followUpSla')}</dt><dd>{share(d.complaints.followUpSla)}</dd></div>
            <div><dt>{t('resolveSla')}</dt><dd>{share(d.complaints.resolveSla)}</dd></div>
            <div><dt>{t('ikm')}</dt><dd>{d.ikm && d.ikm.converted !== null ? `${d.ikm.converted} (${d.ikm.grade}, n = ${d.ikm.respondents})` : t('noIkm')}</dd></div>
            <div><dt>{t('accepted')}</dt><dd>{`${d.totals.accepted} / ${d.rows.length}`}</dd></div>
            <div><dt>{t('spent')}</dt><dd>{`${rp(d.totals.financialRp, lang)} / ${rp(d.totals.budget, lang)}`}</dd></div>
            <div><dt>{t('lateCount')}</dt><dd>{d.totals.late}</dd></div>
            <div><dt>{t('laggingCount')}</dt><dd>{d.totals.lagging}</dd></div>
          </dl>
          <p><a className="btn" href={`/api/v1/emonev/evaluation.xlsx${query({ year, month, opd: opd || undefined })}`} download>{t('download')}</a></p>
          <Table
            stack
            columns={[t('subActivity'), { label: `${t('physical')}: ${t('plan')}`, num: true }, { label: `${t('physical')}: ${t('realisation')}`, num: true }, { label: t('deviation'), num: true }, { label: `${t('financial')}: ${t('realisation')}`, num: true }, t('status'), { label: t('complaints'), num: true }]}
          >
            {d.rows.map((r) => (
              <tr key={r.id}>
                {[
                  <th key="n" scope="row"><Link to={`/emonev/kegiatan/${r.id}`}>{r.name}</Link></th>,
                  <td key="pp" className="num">{pct(r.planPhysicalPct, lang)}</td>,
                  <td key="rp" className="num">{r.report ? pct(r.report.physicalPct, lang) : '—'}</td>,
                  <td key="dv" className="num">{r.physicalDeviation === null ? '—' : pct(r.physicalDeviation, lang)}</td>,
                  <td key="rf" className="num">{r.report ? rp(r.report.financialRp, lang) : '—'}</td>,
                  <td key="s">
                    {r.report ? <Link to={`/emonev/laporan/${r.report.id}`}>{STATUS[r.report.status][lang]}</Link> : t('noReport')}
                    {r.late ? <> <span className="badge badge-late">{t('lateCount')}</span></> : null}
                    {r.lagging ? <> <span className="badge badge-warn">{t('lagging')}</span></> : null}
                  </td>,
                  <td key="c" className="num">{r.complaints}</td>,
                ]}
              </tr>
            ))}
          </Table>
        </>
      )}
    </Page>
  );
}
