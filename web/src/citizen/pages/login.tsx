import { useState } from 'react';
import { api } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { Link, navigate, useSearchParams } from '../../lib/router';
import { useSession, type Me } from '../../lib/session';
import { useSubmit } from '../../lib/use-submit';
import { FormError, TextField, fieldError, SubmitRow } from '../../ui/forms';
import { Page } from '../../ui/page';
import { landingFor } from '../landing';
import { authM } from '../messages';
import { syncOutbox } from '../outbox';

export default function LoginPage() {
  const t = useT(authM);
  const { setUser } = useSession();
  const lanjut = useSearchParams().get('lanjut');
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(
    () => api<{ user: Me }>('POST', '/auth/login', { body: { identifier, password } }),
    (res) => {
      setUser(res.user);
      void syncOutbox(); // reports queued before the session ran out go now
      navigate(landingFor(res.user.role, lanjut), { replace: true });
    },
  );

  return (
    <Page title={t('loginTitle')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField label={t('identifier')} name="identifier" autoComplete="username" value={identifier} onChange={(e) => setIdentifier(e.target.value)} error={fieldError(error, 'identifier')} required />
        <TextField label={t('password')} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={fieldError(error, 'password')} required />
        <FormError error={error} shownFields={['identifier', 'password']} />
        <SubmitRow label={t('login')} busy={busy} />
        <p>
          <Link to="/lupa-sandi">{t('forgot')}</Link>
        </p>
        <p>
          {t('noAccount')} <Link to={lanjut ? `/daftar?lanjut=${encodeURIComponent(lanjut)}` : '/daftar'}>{t('registerLink')}</Link>
        </p>
      </form>
    </Page>
  );
}
