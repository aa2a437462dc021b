import { useState } from 'react';
import { api } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { Link, useSearchParams } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useSubmit } from '../../lib/use-submit';
import { FormError, TextField, fieldError, SubmitRow } from '../../ui/forms';
import { Page } from '../../ui/page';
import { authM } from '../messages';

export default function ResetPage() {
  const t = useT(authM);
  const { setUser } = useSession();
  const [token, setToken] = useState(useSearchParams().get('token') ?? '');
  const [newPassword, setNewPassword] = useState('');
  const [done, setDone] = useState(false);
  const { error, submit } = useSubmit(
    () => api('POST', '/auth/password-reset/complete', { body: { token: token.trim(), newPassword } }),
    () => {
      setUser(null); // every session ended, this one too
      setDone(true);
    },
  );

  return (
    <Page title={t('resetTitle')}>
      {done ? (
        <p className="alert alert-success" role="status">
          {t('resetDone')} <Link to="/masuk">{t('login')}</Link>
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextField label={t('code')} name="token" autoComplete="one-time-code" value={token} onChange={(e) => setToken(e.target.value)} error={fieldError(error, 'token')} required />
          <TextField label={t('newPassword')} name="newPassword" type="password" autoComplete="new-password" hint={t('passwordHint')} value={newPassword} onChange={(e) => setNewPassword(e.target.value)} error={fieldError(error, 'newPassword')} required />
          <FormError error={error} shownFields={['token', 'newPassword']} />
          <SubmitRow label={t('save')} />
        </form>
      )}
    </Page>
  );
}
