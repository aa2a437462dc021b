import { useT } from '../../lib/i18n';
import { Link, useSearchParams } from '../../lib/router';
import { Page } from '../../ui/page';
import { accountM } from '../messages';

/** Shown after the account is gone (the "My data" page needs a session, so it cannot say it). */
export default function AccountDeletedPage() {
  const t = useT(accountM);
  const n = Number(useSearchParams().get('laporan') ?? 0);
  return (
    <Page title={t('deletedTitle')}>
      <p className="alert alert-success" role="status">
        {t('deleted', { n: Number.isFinite(n) ? n : 0 })}
      </p>
      <p>
        <Link to="/">{t('home')}</Link>
      </p>
    </Page>
  );
}
