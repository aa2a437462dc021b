import { query } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';
import { Link, navigate, useSearchParams } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { SelectField, TextField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { Table } from '../../ui/table';
import { m, STATUS } from '../messages';
import { monthName, pct, rp, thisYear } from '../format';
import { CITY_READERS, type SubActivity } from '../types';

/** A year's sub-activities with their latest realisation against plan and their flags (an OPD sees its own). */
export default function ListPage() {
  const t = useT(m);
  const { lang } = useLang();
  const { user } = useSession();
  const search = useSearchParams();
  const year = Number(search.get('tahun')) || thisYear();
  const opd = search.get('opd') ?? '';
  const city = !!user && CITY_READERS.includes(user.role);
  const opds = useApi<{ code: string; name: string }[]>(city ? '/opds' : null);
  const list = useApi<{ items: SubActivity[]; lagPoints: number; dueWorkingDays: number }>(`/emonev/sub-activities${query({ year, opd: opd || undefined })}`);
  const go = (p: { tahun?: number; opd?: string }) => navigate(`/emonev${query({ tahun: year, opd: opd || undefined, ...p })}`, { replace: true });
  const lateText = (months: number[]) =>
    months.length > 2 ? t('lateMany', { n: months.length, last: monthName(months.at(-1)!, lang) }) : t('late', { months: months.map((x) => monthName(x, lang)).join(', ') });
  const waiting = list.data?.items.reduce((n, s) => n + s.reports.filter((r) => r.status === 'submitted').length, 0) ?? 0;
  return (
    <Page title={t('listTitle')}>
      <p className="lead">{t('listLead', { days: list.data?.dueWorkingDays ?? 10, points: list.data?.lagPoints ?? 10 })}</p>
      <form onSubmit={(e) => e.preventDefault()}>
        <TextField label={t('year')} type="number" min={2020} max={2100} value={year} onChange={(e) => Number(e.target.value) >= 2020 && go({ tahun: Number(e.target.value) })} />
        {city ? (
          <SelectField label={t('opd')} value={opd} onChange={(e) => go({ opd: e.target.value })}>
            <option value="">{t('allOpds')}</option>
            {(opds.data ?? []).map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
          </SelectField>
        ) : null}
      </form>
      {waiting ? <p className="alert alert-info" role="status">{t('waiting', { n: waiting })}</p> : null}
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : !list.data ? <Loading /> : !list.data.items.length ? <p>{t('none')}</p> : (
        <Table stack columns={[t('subActivity'), t('opd'), { label: t('budget'), num: true }, { label: `${t('physical')}: ${t('realisation')} / ${t('plan')}`, num: true }, t('flags')]}>
          {list.data.items.map((s) => (
            <tr key={s.id}>
              {[
                <th key="n" scope="row"><Link to={`/emonev/kegiatan/${s.id}`}>{s.name}</Link><br /><span className="hint">{s.code}</span></th>,
                <td key="o">{s.opd.name}</td>,
                <td key="b" className="num">{rp(s.budget, lang)}</td>,
                <td key="p" className="num">{s.latest ? `${pct(s.latest.physicalPct, lang)} / ${pct(s.latest.planPhysicalPct, lang)} (${monthName(s.latest.month, lang)})` : t('noReport')}</td>,
                <td key="f">
                  {s.lateMonths.length ? <span className="badge badge-late">{lateText(s.lateMonths)}</span> : null}{' '}
                  {s.lagging ? <span className="badge badge-warn">{t('lagging')}</span> : s.latest ? <span className="badge badge-ok">{t('onTrack')}</span> : null}
                  {s.reports.filter((r) => r.status === 'submitted').map((r) => (
                    <span key={r.id}><br /><Link to={`/emonev/laporan/${r.id}`}>{`${STATUS.submitted[lang]}: ${monthName(r.month, lang)}`}</Link></span>
                  ))}
                </td>,
              ]}
            </tr>
          ))}
        </Table>
      )}
    </Page>
  );
}
