import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { Loading, LoadError, Page } from '../../ui/page';
import { MoreRow, RequestTable, usePagedList } from '../common';
import { m } from '../messages';
import type { Summary } from '../types';

/** The requests a citizen filed while logged in. */
export default function Mine() {
  const t = useT(m);
  const list = usePagedList<Summary>('/ppid/requests/mine', {}, 20);
  return (
    <Page title={t('mineTitle')} actions={<Link className="btn btn-primary" to="/ppid/ajukan">{t('fileLink')}</Link>}>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : list.loading && !list.items.length ? <Loading /> : !list.items.length ? <p>{t('mineEmpty')}</p> : (
        <>
          <RequestTable items={list.items} caption={t('mineTitle')} />
          <MoreRow shown={list.items.length} total={list.total} hasMore={list.hasMore} onMore={list.loadMore} />
        </>
      )}
    </Page>
  );
}
