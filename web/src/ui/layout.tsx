import type { ReactNode } from 'react';
import { defineMessages, useLang, useT } from '../lib/i18n';
import { Link, navigate, useLocation } from '../lib/router';
import type { NavItem } from '../lib/routes';
import { useSession } from '../lib/session';
import { useOnline } from './online';

const m = defineMessages({
  id: {
    skip: 'Lewati ke konten utama',
    home: 'Beranda Khidmat',
    menu: 'Menu utama',
    language: 'Bahasa',
    login: 'Masuk',
    logout: 'Keluar',
    offline: 'Anda sedang offline. Laporan yang Anda kirim disimpan dan dikirim otomatis saat koneksi kembali.',
    footer: 'Khidmat — platform layanan publik Kota Dumai. Perangkat lunak sumber terbuka (MIT).',
    changePassword: 'Ganti kata sandi',
  },
  en: {
    skip: 'Skip to main content',
    home: 'Khidmat home',
    menu: 'Main menu',
    language: 'Language',
    login: 'Log in',
    logout: 'Log out',
    offline: 'You are offline. Reports you send are kept and sent automatically when the connection returns.',
    footer: 'Khidmat — public service platform of Kota Dumai. Open-source software (MIT).',
    changePassword: 'Change password',
  },
});

export function Layout({ nav, children }: { nav: NavItem[]; children: ReactNode }) {
  const t = useT(m);
  const { lang, setLang } = useLang();
  const { user, logout } = useSession();
  const { path } = useLocation();
  const online = useOnline();
  const role = user ? user.role : 'anonymous';
  const items = nav.filter((n) => n.roles.includes(role));
  // The longest link that the path starts with is the current page (`/staf` vs `/staf/petugas`).
  const current = items
    .filter((n) => path === n.to || (n.to !== '/' && path.startsWith(`${n.to}/`)))
    .reduce<string | undefined>((best, n) => (!best || n.to.length > best.length ? n.to : best), undefined);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand" aria-label={t('home')}>
          <img src="/icon.svg" alt="" width="32" height="32" />
          <span>Khidmat</span>
        </Link>
        <nav aria-label={t('menu')}>
          <ul>
            {items.map((n) => (
              <li key={n.to}>
                <Link to={n.to} aria-current={n.to === current ? 'page' : undefined}>
                  {n.label[lang]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <label className="lang-switch">
            <span className="visually-hidden">{t('language')}</span>
            <select value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'id')}>
              <option value="id">Bahasa Indonesia</option>
              <option value="en">English</option>
            </select>
          </label>
          {user ? (
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => {
                void logout().then(() => navigate('/'));
              }}
            >
              {t('logout')}
            </button>
          ) : user === null ? (
            <Link to="/masuk" className="btn btn-ghost">
              {t('login')}
            </Link>
          ) : null}
        </div>
      </header>
      {!online ? (
        <div className="offline-banner" role="status">
          {t('offline')}
        </div>
      ) : null}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('footer')}</p>
        {user ? (
          <p>
            <Link to="/ganti-sandi">{t('changePassword')}</Link>
          </p>
        ) : null}
      </footer>
    </>
  );
}
