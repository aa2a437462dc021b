import { useState } from 'react';
import { formatDate } from '../../../lib/format';
import { useLang, useT } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import { useSession } from '../../../lib/session';
import { SelectField } from '../../../ui/forms';
import { Loading, LoadError, Page } from '../../../ui/page';
import { Table } from '../../../ui/table';
import { MoreRow, usePagedList } from '../../common';
import { m } from '../messages';
import { AUTHOR_ROLES, STATUSES, STATUS_LABELS, type CatalogueItem } from '../types';

const WAITING = 'draft,checked,approved';

/** The desks' work list: the items of their scope, those waiting in the chain longest first. */
export default function Desk() {
  const t = useT(m);
  const { lang } = useLang();
  const { user } = useSession();
  const [status, setStatus] = useState(WAITING);
  const list = usePagedList<CatalogueItem>('/ppid/catalogue/desk', { status }, 20);
  return (
    <Page title={t('deskTitle')} actions={user && AUTHOR_ROLES.includes(user.role) ? <Link className="btn btn-primary" to="/ppid/dip/baru">{t('newItem')}</Link> : undefined}>
      <p className="lead">{t('deskLead')}</p>
      <div className="ppid-filters">
        <SelectField label={t('status')} value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value={WAITING}>{t('waiting')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s][lang]}</option>)}
          <option value="">{t('allStatuses')}</option>
        </SelectField>
      </div>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {list.loading && !list.items.length ? <Loading /> : null}
      {!list.loading && !list.error && !list.items.length ? <p role="status">{t('deskEmpty')}</p> : null}
      {list.items.length ? (
        <Table stack className="staff-table" caption={<caption className="visually-hidden">{t('deskTitle')}</caption>} columns={[t('colTitle'), t('colOpd'), t('colClass'), t('colStatus'), t('colUpdated')]}>
          {list.items.map((it) => (
            <tr key={it.id}>
              <td><Link to={`/ppid/dip/${it.id}`}>{it.title}</Link></td>
              <td>{it.opd.name}</td>
              <td>{it.classLabel[lang]}</td>
              <td><span className="badge badge-neutral">{it.statusLabel[lang]}</span></td>
              <td>{formatDate(it.updatedAt, lang)}</td>
            </tr>
          ))}
        </Table>
      ) : null}
      {list.items.length ? <MoreRow shown={list.items.length} total={list.total} hasMore={list.hasMore} onMore={list.loadMore} /> : null}
    </Page>
  );
}
