import { useState } from 'react';
import { api } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useSubmit } from '../../lib/use-submit';
import { FormError, TextField, fieldError, SubmitRow } from '../../ui/forms';
import { Page } from '../../ui/page';
import { authM } from '../messages';

export default function ForgotPage() {
  const t = useT(authM);
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { error, submit } = useSubmit(
    () => api('POST', '/auth/password-reset', { body: { email: email.trim() } }),
    () => setSent(true),
  );

  return (
    <Page title={t('forgotTitle')}>
      <p>{t('forgotLead')}</p>
      {sent ? (
        <p className="alert alert-success" role="status">
          {t('codeSent')}
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextField label={t('email')} name="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError(error, 'email')} required />
          <FormError error={error} shownFields={['email']} />
          <SubmitRow label={t('sendCode')} />
        </form>
      )}
      <p>
        <Link to="/sandi-baru">{t('haveCode')}</Link>
      </p>
    </Page>
  );
}
