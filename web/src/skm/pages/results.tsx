import { api, ApiError, query } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { pick, useLang, useT } from '../../lib/i18n';
import { navigate, useSearchParams } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useSession } from '../../lib/session';
import { useSubmit } from '../../lib/use-submit';
import { FormError, SelectField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { Table } from '../../ui/table';
import { m } from '../messages';
import { PUBLISH_ROLES, type Period, type Results, type Unit } from '../types';
import '../skm.css';

/** The IKM per unit and period in the regulation's table: published for everyone, earlier for the unit's officers. */
export default function ResultsPage() {
  const t = useT(m);
  const { lang } = useLang();
  const { user } = useSession();
  const search = useSearchParams();
  const periods = useApi<{ items: Period[] }>('/skm/periods');
  const units = useApi<{ items: Unit[] }>('/skm/units');
  const periodId = Number(search.get('periode')) || periods.data?.items.at(-1)?.id;
  const unitId = Number(search.get('unit')) || undefined;
  const published = useApi<{ items: Results[] }>(periodId ? `/skm/periods/${periodId}/results` : null);
  const one = useApi<Results>(periodId && unitId ? `/skm/periods/${periodId}/units/${unitId}/results` : null);
  const go = (p: { periode?: number | undefined; unit?: number | undefined }) => navigate(`/skm${query({ periode: periodId, unit: unitId, ...p })}`, { replace: true });
  const publish = useSubmit(() => api('POST', `/skm/periods/${periodId}/units/${unitId}/publish`), () => one.reload());
  const num = (x: number | null, places: number) => (x === null ? '—' : formatNumber(x, lang, places));
  const r = one.data;
  return (
    <Page title={t('resultsTitle')}>
      <p className="lead">{t('resultsLead')}</p>
      {periods.error ? <LoadError error={periods.error} retry={periods.reload} /> : !periods.data || !units.data ? <Loading /> : !periods.data.items.length ? <p>{t('noPeriods')}</p> : (
        <>
          <form onSubmit={(e) => e.preventDefault()}>
            <SelectField label={t('period')} value={String(periodId ?? '')} onChange={(e) => go({ periode: Number(e.target.value) })}>
              {periods.data.items.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </SelectField>
            <SelectField label={t('unit')} value={String(unitId ?? '')} onChange={(e) => go({ unit: Number(e.target.value) || undefined })}>
              <option value="">—</option>
              {units.data.items.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </SelectField>
          </form>
          {!unitId ? (
            published.data && !published.data.items.length ? <p>{t('noResults')}</p> : published.data ? (
              <Table stack columns={[t('unit'), { label: t('converted'), num: true }, t('band'), { label: t('respondents'), num: true }]}>
                {published.data.items.map((x) => (
                  <tr key={x.unit.id}>
                    {[<th key="u" scope="row"><a href={`/skm${query({ periode: periodId, unit: x.unit.id })}`}>{x.unit.name}</a></th>, <td key="c" className="num">{num(x.converted, 2)}</td>, <td key="b">{x.band ? `${x.band.grade} (${pick(x.band.label, lang)})` : '—'}</td>, <td key="n" className="num">{x.respondents}</td>]}
                  </tr>
                ))}
              </Table>
            ) : null
          ) : one.error ? (
            one.error instanceof ApiError && one.error.status === 404 ? <p>{t('noResults')}</p> : <LoadError error={one.error} retry={one.reload} />
          ) : !r ? <Loading /> : (
            <>
              <h2>{r.unit.name}</h2>
              {!r.publishedAt ? <p className="alert" role="status">{t('notPublished')}</p> : null}
              <p className="skm-band">{`${t('converted')}: ${num(r.converted, 2)} — ${r.band ? `${r.band.grade} (${pick(r.band.label, lang)})` : '—'}`}</p>
              <Table
                stack
                caption={<caption>{`${r.unit.name}, ${r.period.name}`}</caption>}
                columns={['No', t('colUnsur'), { label: t('colTotal'), num: true }, { label: t('colNrr'), num: true }, { label: t('colWeighted'), num: true }]}
                foot={
                  <>
                    <tr>{[<th key="h" scope="row" colSpan={4}>{t('ikm')}</th>, <td key="v" className="num">{num(r.ikm, 4)}</td>]}</tr>
                    <tr>{[<th key="h" scope="row" colSpan={4}>{`${t('converted')} (IKM × 25)`}</th>, <td key="v" className="num">{num(r.converted, 2)}</td>]}</tr>
                  </>
                }
              >
                {r.unsur.map((u) => (
                  <tr key={u.code}>{[<td key="c">{u.code}</td>, <th key="n" scope="row">{pick(u.name, lang)}</th>, <td key="t" className="num">{u.total}</td>, <td key="r" className="num">{num(u.nrr, 2)}</td>, <td key="w" className="num">{num(u.weighted, 4)}</td>]}</tr>
                ))}
              </Table>
              <p>{`${t('respondents')}: ${r.respondents}${r.minimumSample !== null ? ` · ${t('minimum')}: ${r.minimumSample}` : ''}`}</p>
              <nav aria-label={t('download')} className="btn-row">
                {(['csv', 'xlsx', 'pdf'] as const).map((f) => (
                  <a key={f} className="btn" href={`/api/v1/skm/periods/${r.period.id}/units/${r.unit.id}/results.${f}`} download>{`${t('download')} (${f.toUpperCase()})`}</a>
                ))}
              </nav>
              {!r.publishedAt && user && PUBLISH_ROLES.includes(user.role) ? (
                <form onSubmit={publish.submit}>
                  <FormError error={publish.error} />
                  <div className="btn-row"><button type="submit" className="btn btn-primary" disabled={publish.busy}>{t('publish')}</button></div>
                </form>
              ) : null}
            </>
          )}
        </>
      )}
    </Page>
  );
}
