import { useState } from 'react';
import { api } from '../../lib/api';
import { useLang, useT, type Message } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useSubmit } from '../../lib/use-submit';
import { Checkbox, FormError, TextField, fieldError, SubmitRow } from '../../ui/forms';
import { Page } from '../../ui/page';
import { accountM } from '../messages';
import { NoticeChannelSection } from '../notice-channel';

export default function AccountPage() {
  const t = useT(accountM);
  const { lang } = useLang();
  const { user, setUser } = useSession();
  const [downloaded, setDownloaded] = useState(false);
  const [password, setPassword] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [local, setLocal] = useState<Message>();

  const download = useSubmit(
    async () => {
      const data = await api<{ exportedAt: string }>('GET', '/account/data');
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `khidmat-data-saya-${data.exportedAt.slice(0, 10)}.json`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
    },
    () => setDownloaded(true),
  );

  const removal = useSubmit(async () => {
    if (!understood) return setLocal({ id: accountM.id.mustConfirm, en: accountM.en.mustConfirm });
    setLocal(undefined);
    const res = await api<{ reportsKeptAnonymously: number }>('DELETE', '/account', { body: { password } });
    setUser(null);
    navigate(`/akun-dihapus?laporan=${res.reportsKeptAnonymously}`, { replace: true });
  });

  return (
    <Page title={t('title')}>
      <p>{t('lead')}</p>
      <h2>{t('held')}</h2>
      {user ? (
        <dl className="review">
          <div>
            <dt>{t('name')}</dt>
            <dd>{user.fullName}</dd>
          </div>
          <div>
            <dt>{t('nik')}</dt>
            <dd>{user.nik ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('email')}</dt>
            <dd>{user.email ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('phone')}</dt>
            <dd>{user.phone ?? '—'}</dd>
          </div>
        </dl>
      ) : null}
      <p>{t('heldList')}</p>
      <div className="btn-row">
        <button type="button" className="btn btn-primary" onClick={() => void download.submit()}>
          {t('download')}
        </button>
      </div>
      {downloaded ? (
        <p className="alert alert-success" role="status">
          {t('downloaded')}
        </p>
      ) : null}
      <FormError error={download.error} />

      <NoticeChannelSection />

      <h2>{t('deleteTitle')}</h2>
      <p>{t('deleteLead')}</p>
      <form onSubmit={(e) => void removal.submit(e)} noValidate>
        <TextField label={t('confirmPassword')} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={fieldError(removal.error, 'password')} required />
        <Checkbox label={t('understand')} name="understand" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
        {local ? (
          <div className="alert alert-error" role="alert">
            {local[lang]}
          </div>
        ) : null}
        <FormError error={removal.error} shownFields={['password']} />
        <SubmitRow label={t('delete')} tone="danger" />
      </form>
    </Page>
  );
}
