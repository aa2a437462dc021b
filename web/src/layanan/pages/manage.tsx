import { useState } from 'react';
import { api } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { FormError, SelectField, SubmitRow, TextArea, TextField, fieldError } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { m } from '../messages';
import type { Audience, ServiceDetail, ServiceSummary } from '../types';

/** An OPD admin's services (published or not), and a new one: defined here, its form in the editor. */
export default function Manage() {
  const t = useT(m);
  const { lang } = useLang();
  const list = useApi<{ items: ServiceSummary[] }>('/layanan/services?mine=true&limit=100');
  const [s, setS] = useState({ code: '', nameId: '', nameEn: '', descId: '', descEn: '', legalBasis: '', audience: 'citizens' as Audience, feeRupiah: '0', standardDays: '5' });
  const set = (k: keyof typeof s) => (e: { target: { value: string } }) => setS({ ...s, [k]: e.target.value });
  const { busy, error, submit } = useSubmit(
    () =>
      api<ServiceDetail>('POST', '/layanan/services', {
        body: {
          code: s.code.trim(),
          audience: s.audience,
          name: { id: s.nameId, en: s.nameEn || s.nameId },
          description: { id: s.descId, en: s.descEn || s.descId },
          legalBasis: s.legalBasis,
          feeRupiah: Number(s.feeRupiah) || 0,
          standardDays: Number(s.standardDays) || 0,
        },
      }),
    (created) => navigate(`/layanan/kelola/${created.code}`),
  );
  return (
    <Page title={t('manageTitle')}>
      <p>{t('manageLead')}</p>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : !list.data ? <Loading /> : (
        <ul className="layanan-cards">
          {list.data.items.map((x) => (
            <li key={x.code} className="layanan-card">
              <h2><Link to={`/layanan/kelola/${x.code}`}>{x.name[lang]}</Link></h2>
              <span className="badge badge-neutral">{x.currentVersion === null ? t('draftBadge') : x.open ? t('openBadge', { n: x.currentVersion }) : t('closedBadge')}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('newService')}</h2>
      <form onSubmit={submit} noValidate>
        <TextField label={t('code')} required value={s.code} pattern="[a-z0-9-]+" error={fieldError(error, 'code')} onChange={set('code')} />
        <TextField label={t('nameId')} required value={s.nameId} error={fieldError(error, 'name.id')} onChange={set('nameId')} />
        <TextField label={t('nameEn')} value={s.nameEn} onChange={set('nameEn')} />
        <TextArea label={t('descId')} required rows={3} value={s.descId} error={fieldError(error, 'description.id')} onChange={set('descId')} />
        <TextArea label={t('descEn')} rows={3} value={s.descEn} onChange={set('descEn')} />
        <TextArea label={t('legalBasis')} required rows={2} value={s.legalBasis} error={fieldError(error, 'legalBasis')} onChange={set('legalBasis')} />
        <SelectField label={t('audience')} value={s.audience} onChange={set('audience')}>
          {(['citizens', 'businesses', 'opd'] as const).map((a) => <option key={a} value={a}>{t(`audience_${a}`)}</option>)}
        </SelectField>
        <TextField label={t('feeRupiah')} type="number" min={0} value={s.feeRupiah} error={fieldError(error, 'feeRupiah')} onChange={set('feeRupiah')} />
        <TextField label={t('standardDays')} type="number" min={1} value={s.standardDays} error={fieldError(error, 'standardDays')} onChange={set('standardDays')} />
        <FormError error={error} shownFields={['code', 'name.id', 'description.id', 'legalBasis', 'feeRupiah', 'standardDays']} />
        <SubmitRow label={t('create')} busy={busy} />
      </form>
    </Page>
  );
}
