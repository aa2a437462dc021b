import { useState } from 'react';
import { api } from '../../lib/api';
import { defineMessages, useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useSubmit } from '../../lib/use-submit';
import { FormError, SubmitRow, TextField, fieldError } from '../../ui/forms';
import { Page } from '../../ui/page';

const m = defineMessages({
  id: {
    title: 'Ganti kata sandi',
    temporary: 'Kata sandi Anda dibuat oleh admin dan hanya sementara. Ganti dengan kata sandi pilihan Anda sendiri sebelum mulai bekerja.',
    current: 'Kata sandi saat ini',
    next: 'Kata sandi baru',
    hint: 'Minimal 8 karakter, berbeda dari yang lama.',
    save: 'Simpan kata sandi',
    done: 'Kata sandi sudah diganti. Semua sesi telah diakhiri; silakan masuk dengan kata sandi baru.',
    login: 'Masuk',
    loginFirst: 'Masuk terlebih dahulu untuk mengganti kata sandi.',
  },
  en: {
    title: 'Change password',
    temporary: 'Your password was set by an admin and is temporary. Replace it with one of your own before you start working.',
    current: 'Current password',
    next: 'New password',
    hint: 'At least 8 characters, different from the current one.',
    save: 'Save password',
    done: 'Your password was changed and every session ended; please log in with the new password.',
    login: 'Log in',
    loginFirst: 'Log in first to change your password.',
  },
});

/** For every account; the only page an account with an admin-chosen password may use. */
export default function ChangePasswordPage() {
  const t = useT(m);
  const { user, setUser } = useSession();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNext] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, submit } = useSubmit(
    () => api('PUT', '/auth/password', { body: { currentPassword, newPassword } }),
    () => {
      setUser(null); // the server ended every session, this one too
      setDone(true);
    },
  );

  if (done || !user) {
    return (
      <Page title={t('title')}>
        <p className={done ? 'alert alert-success' : undefined} role="status">
          {t(done ? 'done' : 'loginFirst')} <Link to="/masuk">{t('login')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('title')}>
      {user.passwordChangeRequired ? <p className="alert alert-info">{t('temporary')}</p> : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField label={t('current')} name="currentPassword" type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} error={fieldError(error, 'currentPassword')} required />
        <TextField label={t('next')} name="newPassword" type="password" autoComplete="new-password" hint={t('hint')} value={newPassword} onChange={(e) => setNext(e.target.value)} error={fieldError(error, 'newPassword')} required />
        <FormError error={error} shownFields={['currentPassword', 'newPassword']} />
        <SubmitRow label={t('save')} busy={busy} />
      </form>
    </Page>
  );
}
