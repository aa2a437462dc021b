import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { usePaged } from '../../lib/use-paged';
import { Loading, LoadError, Page } from '../../ui/page';
import { ApplicationTable } from '../common';
import { m } from '../messages';
import { QueuedList } from './queued';
import type { ApplicationSummary } from '../types';

/** The caller's own applications, drafts included, and those waiting on this device for a connection. */
export default function Mine() {
  const t = useT(m);
  const list = usePaged<ApplicationSummary>('/layanan/applications/mine', {}, 50);
  return (
    <Page title={t('mineTitle')} actions={<Link className="btn btn-primary" to="/layanan">{t('catalogueTitle')}</Link>}>
      <QueuedList />
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : list.loading && !list.items.length ? <Loading /> : !list.items.length ? <p>{t('mineEmpty')}</p> : <ApplicationTable items={list.items} caption={t('mineTitle')} />}
    </Page>
  );
}
