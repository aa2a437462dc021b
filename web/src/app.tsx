import { Suspense, useEffect } from 'react';
import { defineMessages, useT } from './lib/i18n';
import { matchPath, navigate, useLocation } from './lib/router';
import { useSession } from './lib/session';
import { Layout } from './ui/layout';
import { Loading, Page } from './ui/page';
import { AREAS } from './modules';

const ROUTES = AREAS.flatMap((a) => a.routes);
const NAV = AREAS.flatMap((a) => a.nav);
const CHANGE_PASSWORD = '/ganti-sandi';

const m = defineMessages({
  id: { notFound: 'Halaman tidak ditemukan', notFoundText: 'Alamat ini tidak ada. Kembali ke beranda.', forbidden: 'Anda tidak berhak membuka halaman ini.' },
  en: { notFound: 'Page not found', notFoundText: 'This address does not exist. Go back to the home page.', forbidden: 'You may not open this page.' },
});

export function App() {
  const t = useT(m);
  const { path } = useLocation();
  const { user } = useSession();
  const found = ROUTES.map((r) => ({ r, params: matchPath(r.path, path) })).find((x) => x.params);

  const needsLogin = Boolean(found?.r.roles) && user === null;
  // The API refuses everything else to an account with an admin-chosen password.
  const mustChangePassword = Boolean(user?.passwordChangeRequired) && path !== CHANGE_PASSWORD;
  useEffect(() => {
    if (needsLogin) navigate(`/masuk?lanjut=${encodeURIComponent(path)}`, { replace: true });
    else if (mustChangePassword) navigate(CHANGE_PASSWORD, { replace: true });
  }, [needsLogin, mustChangePassword, path]);

  let content;
  if (mustChangePassword) content = <Loading />;
  else if (!found) content = <Page title={t('notFound')}><p>{t('notFoundText')}</p></Page>;
  else if (found.r.roles && user === undefined) content = <Loading />;
  else if (found.r.roles && (!user || !found.r.roles.includes(user.role))) content = <Page title={t('forbidden')}><p>{t('forbidden')}</p></Page>;
  else {
    const P = found.r.page;
    content = <P params={found.params!} />;
  }
  return (
    <Layout nav={NAV}>
      <Suspense fallback={<Loading />}>{content}</Suspense>
    </Layout>
  );
}
