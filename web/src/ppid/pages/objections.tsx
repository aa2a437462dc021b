import { formatDate } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { Table } from '../../ui/table';
import { Loading, LoadError, Page } from '../../ui/page';
import { MoreRow, short, usePagedList } from '../common';
import { OBJECTION_STATUS, REASON, label } from '../labels';
import { m } from '../messages';
import type { ObjectionSummary } from '../types';

/** The Atasan PPID's objections (also the PPID Utama's and auditors'), undecided ones by deadline first. */
export default function Objections() {
  const t = useT(m);
  const { lang } = useLang();
  const list = usePagedList<ObjectionSummary>('/ppid/objections', {}, 50);
  return (
    <Page title={t('objectionsTitle')}>
      <p className="lead">{t('objectionsLead')}</p>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : list.loading && !list.items.length ? <Loading /> : !list.items.length ? <p>{t('objectionsEmpty')}</p> : (
        <>
          <Table stack className="staff-table" caption={<caption className="visually-hidden">{t('objectionsTitle')}</caption>} columns={[t('colNumber'), t('colInformation'), t('colOpd'), t('colReasons'), t('colStatus'), t('colFiled'), t('colDecideBy')]}>
            {list.items.map((o) => (
              <tr key={o.registrationNumber}>
                <td><Link to={`/ppid/permohonan/${o.registrationNumber}`}>{o.registrationNumber}</Link></td>
                <td>{short(o.information)}</td>
                <td>{o.opd?.name ?? t('utama')}</td>
                <td>{o.reasons.map((r) => label(REASON, r, lang)).join('; ')}</td>
                <td>
                  <span className="ppid-badges">
                    <span className="badge badge-neutral">{label(OBJECTION_STATUS, o.status, lang)}</span>
                    {o.overdue ? <span className="badge badge-late">{t('overdue')}</span> : null}
                  </span>
                </td>
                <td>{formatDate(o.filedAt, lang)}</td>
                <td>{o.status === 'filed' ? formatDate(o.answerDueAt, lang) : '—'}</td>
              </tr>
            ))}
          </Table>
          <MoreRow shown={list.items.length} total={list.total} hasMore={list.hasMore} onMore={list.loadMore} />
        </>
      )}
    </Page>
  );
}
