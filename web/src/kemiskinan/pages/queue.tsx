import { query } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { Link, navigate, useLocation, useSearchParams } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { Checkbox, SelectField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { Badges } from '../common';
import { m } from '../messages';
import { SECTIONS, type Summary } from '../types';
import { Table } from '../../ui/table';

const OPEN = 'submitted,routed,visit_assigned,visited,musyawarah,proposed,referred';

/** The desk's and sections' queue, an operator's kelurahan, a volunteer's households, a citizen's own complaints. */
export default function Queue() {
  const t = useT(m);
  const { lang } = useLang();
  const { user } = useSession();
  const { path } = useLocation();
  const params = useSearchParams();
  const citizen = user?.role === 'citizen';
  const status = params.get('status') ?? (citizen ? '' : OPEN);
  const section = params.get('section') ?? '';
  const urgent = params.get('urgent') === 'true';
  const { data, error, loading, reload } = useApi<{ items: Summary[]; hasMore: boolean }>(`/kemiskinan/complaints${query({ status, section, urgent: urgent || undefined, limit: 100 })}`);
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    navigate(`${path}?${next.toString()}`, { replace: true });
  };
  const canFile = user && ['citizen', 'kelurahan_operator', 'volunteer'].includes(user.role);
  return (
    <Page
      title={citizen ? t('mineTitle') : t('queueTitle')}
      actions={canFile ? <Link className="btn btn-primary" to="/kemiskinan/ajukan">{t('newComplaint')}</Link> : null}
    >
      {citizen ? <p className="lead">{t('mineLead')}</p> : (
        <form className="filters kms-filters" onSubmit={(e) => e.preventDefault()}>
          <SelectField label={t('filterStatus')} value={status} onChange={(e) => set('status', e.target.value)}>
            <option value={OPEN}>{t('openOnly')}</option>
            <option value="">{t('all')}</option>
          </SelectField>
          {user?.role === 'dinsos_desk' || user?.role === 'dinsos_section' ? (
            <SelectField label={t('filterSection')} value={section} onChange={(e) => set('section', e.target.value)}>
              <option value="">{t('all')}</option>
              {SECTIONS.map((s) => <option key={s} value={s}>{t(s)}</option>)}
            </SelectField>
          ) : null}
          <Checkbox label={t('filterUrgent')} checked={urgent} onChange={(e) => set('urgent', e.target.checked ? 'true' : '')} />
        </form>
      )}
      {loading && !data ? <Loading /> : error ? <LoadError error={error} retry={reload} /> : data && !data.items.length ? <p>{t('empty')}</p> : (
        <Table className="staff-table kms-table" stack columns={[t('colNumber'), t('colHousehold'), t('colNeed'), t('colKelurahan'), t('colStatus'), t('colDate')]}>
          {data?.items.map((c) => (
            <tr key={c.trackingNumber} className={c.urgent ? 'kms-urgent' : undefined}>
              <td><Link to={`/kemiskinan/pengaduan/${c.trackingNumber}`}>{c.trackingNumber}</Link></td>
              <td>{c.headName}</td>
              <td>{c.needLabel[lang]}</td>
              <td>{c.kelurahanName} RT {c.rt}/RW {c.rw}</td>
              <td><Badges c={c} /></td>
              <td>{formatDate(c.createdAt, lang)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Page>
  );
}
