import { useState, type FormEvent } from 'react';
import { useT } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { TextField } from '../../ui/forms';
import { Page } from '../../ui/page';
import '../ppid.css';
import { m } from '../messages';

const NUMBER = /^[A-Z]{2,6}-PPID-\d{4}-\d{6,}$/;

/** Where a pasted secret link or a typed registration number leads; null when it is neither. */
function trackTarget(input: string): string | null {
  const text = input.trim();
  const number = text.toUpperCase();
  if (NUMBER.test(number)) return `/ppid/permohonan/${number}`;
  try {
    const url = new URL(text, location.origin);
    const match = /^\/ppid\/permohonan\/([A-Z]{2,6}-PPID-\d{4}-\d{6,})$/.exec(url.pathname);
    if (match) return `${url.pathname}${url.search}`;
  } catch {
    // not a link
  }
  return null;
}

/** What PPID is and the requester's rights in plain words, with the ways in. */
export default function PpidHome() {
  const t = useT(m);
  const { user } = useSession();
  const [track, setTrack] = useState('');
  const [invalid, setInvalid] = useState(false);
  const go = (e: FormEvent) => {
    e.preventDefault();
    const to = trackTarget(track);
    setInvalid(!to);
    if (to) navigate(to);
  };
  return (
    <Page title={t('homeTitle')}>
      <p className="lead">{t('homeLead')}</p>
      <div className="btn-row">
        <Link className="btn btn-primary" to="/ppid/ajukan">{t('fileLink')}</Link>
        {user?.role === 'citizen' ? <Link className="btn" to="/ppid/saya">{t('mineLink')}</Link> : null}
      </div>
      <div className="ppid-detail">
        <section className="card" aria-labelledby="ppid-what">
          <h2 id="ppid-what">{t('whatTitle')}</h2>
          <p>{t('whatText')}</p>
          <p>{t('free')}</p>
        </section>
        <section className="card" aria-labelledby="ppid-rights">
          <h2 id="ppid-rights">{t('rightsTitle')}</h2>
          <ul className="ppid-rights">
            {(['right1', 'right2', 'right3', 'right4', 'right5'] as const).map((k) => <li key={k}>{t(k)}</li>)}
          </ul>
        </section>
      </div>
      <section aria-labelledby="ppid-track">
        <h2 id="ppid-track">{t('trackTitle')}</h2>
        <form onSubmit={go} noValidate>
          <TextField
            label={t('trackField')}
            hint={t('trackHint')}
            autoComplete="off"
            value={track}
            onChange={(e) => setTrack(e.target.value)}
            error={invalid ? { id: m.id.trackInvalid, en: m.en.trackInvalid } : undefined}
          />
          <div className="btn-row">
            <button type="submit" className="btn">{t('trackButton')}</button>
          </div>
        </form>
      </section>
      <section aria-labelledby="ppid-more">
        <h2 id="ppid-more">{t('startTitle')}</h2>
        <ul className="ppid-links">
          <li>
            <Link to="/ppid/dip">{t('catalogueLink')}</Link>
            <p className="hint">{t('catalogueHint')}</p>
          </li>
          <li><Link to="/ppid/arsip">{t('archiveLink')}</Link></li>
          <li><Link to="/ppid/laporan">{t('reportLink')}</Link></li>
        </ul>
      </section>
    </Page>
  );
}
