import { useLang, useT } from '../../lib/i18n';
import { Link, navigate, useLocation, useSearchParams } from '../../lib/router';
import { useSession } from '../../lib/session';
import { SelectField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { MoreRow, RequestTable, usePagedList } from '../common';
import { STATUS, label } from '../labels';
import { m } from '../messages';
import { DESK_ROLES, OPEN_STATUSES, STATUSES, type Summary } from '../types';

const OPEN = OPEN_STATUSES.join(',');

/** The PPID desks' work list: open requests by deadline, overdue and due soon first (the server orders them). */
export default function Desk() {
  const t = useT(m);
  const { lang } = useLang();
  const { user } = useSession();
  const { path } = useLocation();
  const params = useSearchParams();
  const status = params.get('status') ?? OPEN;
  const list = usePagedList<Summary>('/ppid/requests', { status }, 50);
  const canEnter = !!user && (DESK_ROLES as readonly string[]).includes(user.role);
  return (
    <Page title={t('deskTitle')} actions={canEnter ? <Link className="btn btn-primary" to="/ppid/ajukan">{t('walkIn')}</Link> : null}>
      <form className="ppid-filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t('filterStatus')} value={status} onChange={(e) => navigate(`${path}?status=${encodeURIComponent(e.target.value)}`, { replace: true })}>
          <option value={OPEN}>{t('openOnly')}</option>
          <option value="">{t('all')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{label(STATUS, s, lang)}</option>)}
        </SelectField>
      </form>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : list.loading && !list.items.length ? <Loading /> : !list.items.length ? <p>{t('deskEmpty')}</p> : (
        <>
          <RequestTable items={list.items} caption={t('deskTitle')} />
          <MoreRow shown={list.items.length} total={list.total} hasMore={list.hasMore} onMore={list.loadMore} />
        </>
      )}
    </Page>
  );
}
