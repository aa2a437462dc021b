import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { Page } from '../../ui/page';
import { OutboxPanel, ReportCard } from '../components';
import { homeM } from '../messages';
import type { ReportList } from '../types';

export default function HomePage() {
  const t = useT(homeM);
  const recent = useApi<ReportList>('/reports/public?limit=5');
  return (
    <Page title={t('title')}>
      <p className="lead">{t('lead')}</p>
      <div className="btn-row">
        <Link className="btn btn-primary" to="/lapor">
          {t('file')}
        </Link>
        <Link className="btn" to="/laporan">
          {t('browse')}
        </Link>
      </div>
      <OutboxPanel />
      <h2>{t('how')}</h2>
      <ol className="how">
        <li>{t('step1')}</li>
        <li>{t('step2')}</li>
        <li>{t('step3')}</li>
      </ol>
      <p className="alert alert-info">{t('offline')}</p>
      {recent.data?.items.length ? (
        <>
          <h2>{t('recent')}</h2>
          <ul className="card-list">
            {recent.data.items.map((r) => (
              <ReportCard key={r.trackingNumber} report={r} />
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
}
