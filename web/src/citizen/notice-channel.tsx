import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import { useLang, useT } from '../lib/i18n';
import { useApi } from '../lib/use-api';
import { useSubmit } from '../lib/use-submit';
import { FormError, SelectField, SubmitRow, fieldError } from '../ui/forms';
import { LoadError } from '../ui/page';
import { noticeM } from './messages';

type Channel = 'whatsapp' | 'sms' | 'email';
interface NoticeChannel {
  chosen: Channel | null;
  effective: Channel;
  phone: string | null;
  phoneVerified: boolean;
}

/** How notices reach the citizen besides the inbox, and linking their number (sent from the phone to the city's number). */
export function NoticeChannelSection() {
  const t = useT(noticeM);
  const { lang } = useLang();
  const current = useApi<NoticeChannel>('/notifications/channel');
  const [choice, setChoice] = useState<Channel | ''>('');
  const [saved, setSaved] = useState(false);
  const [code, setCode] = useState<{ message: string; expiresAt: string } | null>(null);
  useEffect(() => setChoice(current.data?.chosen ?? ''), [current.data]);

  const save = useSubmit(
    () => api<NoticeChannel>('PUT', '/notifications/channel', { body: { channel: choice || null } }),
    () => {
      setSaved(true);
      current.reload();
    },
  );
  const link = useSubmit(() => api<{ message: string; expiresAt: string }>('POST', '/channels/link-code'), setCode);

  if (current.error) return <LoadError error={current.error} retry={current.reload} />;
  if (!current.data) return null;
  const until = code ? new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit' }).format(new Date(code.expiresAt)) : '';
  return (
    <section aria-labelledby="notice-channel">
      <h2 id="notice-channel">{t('title')}</h2>
      <p>{t('lead')}</p>
      <p>{t('now', { channel: t(current.data.effective) })}</p>
      <p>{current.data.phoneVerified ? t('verified', { phone: current.data.phone ?? '' }) : t('notVerified')}</p>
      <form onSubmit={(e) => { setSaved(false); void save.submit(e); }} noValidate>
        <SelectField label={t('channel')} name="channel" value={choice} onChange={(e) => setChoice(e.target.value as Channel | '')} error={fieldError(save.error, 'channel')}>
          <option value="">{t('default')}</option>
          <option value="whatsapp">{t('whatsapp')}</option>
          <option value="sms">{t('sms')}</option>
          <option value="email">{t('email')}</option>
        </SelectField>
        <FormError error={save.error} shownFields={['channel']} />
        {saved ? <p className="alert alert-success" role="status">{t('saved')}</p> : null}
        <SubmitRow label={t('save')} tone="plain" busy={save.busy} />
      </form>
      <div className="btn-row">
        <button type="button" className="btn" onClick={() => void link.submit()}>
          {t('link')}
        </button>
      </div>
      <FormError error={link.error} />
      {code ? (
        <div className="alert alert-info" role="status">
          <p>{t('linkHow', { until })}</p>
          <p>
            <code className="link-code" data-testid="link-code">{code.message}</code>
          </p>
        </div>
      ) : null}
    </section>
  );
}
