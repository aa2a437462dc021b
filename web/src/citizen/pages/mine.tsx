import { useEffect } from 'react';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { usePaged } from '../../lib/use-paged';
import { LoadError, Loading, Page } from '../../ui/page';
import { OutboxPanel, ReportCards } from '../components';
import { mineM } from '../messages';
import { useOutbox } from '../outbox';
import type { ReportSummary } from '../types';

const PAGE = 20;

export default function MyReportsPage() {
  const t = useT(mineM);
  const { data, error, loading, reload, items, offset, loadMore } = usePaged<ReportSummary>('/reports/mine', {}, PAGE);
  // A report the outbox just delivered should appear without a manual refresh.
  const sentCount = useOutbox().sent.length;
  useEffect(() => {
    if (offset === 0) reload();
  }, [sentCount]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Page
      title={t('title')}
      actions={
        <Link className="btn btn-primary" to="/lapor">
          {t('file')}
        </Link>
      }
    >
      <OutboxPanel />
      {error ? <LoadError error={error} retry={reload} /> : null}
      {loading && !items.length ? <Loading /> : null}
      {!loading && !error && !items.length ? <p>{t('none')}</p> : null}
      <ReportCards items={items} hasMore={data?.hasMore ?? false} onMore={loadMore} />
    </Page>
  );
}
