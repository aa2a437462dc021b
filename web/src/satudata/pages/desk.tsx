import { formatDate, formatNumber } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useSession } from '../../lib/session';
import { Loading, LoadError, Page } from '../../ui/page';
import { Table } from '../../ui/table';
import { m } from '../messages';
import { AUTHOR_ROLES, type Opd } from '../types';
import '../satudata.css';

interface Desk {
  waiting: { dataset: { name: string; title: string; opd: Opd }; number: number; note: string; submittedAt: string; rowCount: number }[];
  datasets: { name: string; title: string; opd: Opd; published: boolean; modifiedAt: string }[];
}

/** The producers' and the steward's work list. */
export default function DeskPage() {
  const t = useT(m);
  const { lang } = useLang();
  const { user } = useSession();
  const { data, error, loading, reload } = useApi<Desk>('/data/desk');
  if (loading && !data) return <Loading />;
  if (error || !data) return <LoadError error={error} retry={reload} />;
  return (
    <Page title={t('deskTitle')} actions={user && AUTHOR_ROLES.includes(user.role) ? <Link className="btn btn-primary" to="/data/baru">{t('newDataset')}</Link> : undefined}>
      <p className="lead">{t('deskLead')}</p>
      <h2>{t('waiting')}</h2>
      {data.waiting.length ? (
        <Table stack caption={<caption className="visually-hidden">{t('waiting')}</caption>} columns={[t('colDataset'), t('colOpd'), t('colVersion'), { label: t('colRows'), num: true }, t('colSubmitted')]}>
          {data.waiting.map((w) => (
            <tr key={`${w.dataset.name}-${w.number}`}>
              <td><Link to={`/data/${w.dataset.name}/versi/${w.number}`}>{w.dataset.title}</Link></td>
              <td>{w.dataset.opd.name}</td>
              <td>{t('version', { n: w.number })}</td>
              <td className="num">{formatNumber(w.rowCount, lang)}</td>
              <td>{formatDate(w.submittedAt, lang)}</td>
            </tr>
          ))}
        </Table>
      ) : (
        <p role="status">{t('noneWaiting')}</p>
      )}
      <h2>{t('datasets')}</h2>
      <Table stack caption={<caption className="visually-hidden">{t('datasets')}</caption>} columns={[t('colDataset'), t('colOpd'), t('colStatus'), t('modified')]}>
        {data.datasets.map((d) => (
          <tr key={d.name}>
            <td><Link to={`/data/${d.name}`}>{d.title}</Link></td>
            <td>{d.opd.name}</td>
            <td>{d.published ? t('isPublished') : t('notPublished')}</td>
            <td>{formatDate(d.modifiedAt, lang)}</td>
          </tr>
        ))}
      </Table>
    </Page>
  );
}
