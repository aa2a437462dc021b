import { useState } from 'react';
import { ApiError } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';
import { navigate, useSearchParams } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { FormError, SubmitRow, TextField, fieldError } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { FormFields, type Answers } from '../form-fields';
import { m } from '../messages';
import { fileApplication } from '../outbox';
import { QueuedList } from './queued';
import type { ServiceDetail } from '../types';

/** Filling in a service's form: saved as a draft (queued when offline), then on to the requirements. */
export default function Apply({ params }: { params: Record<string, string> }) {
  const t = useT(m);
  const { lang } = useLang();
  const counter = useSearchParams().get('loket') === '1';
  const { data: s, error: loadError, reload } = useApi<ServiceDetail>(`/layanan/services/${params.code}`);
  const [answers, setAnswers] = useState<Answers>({});
  const [walkIn, setWalkIn] = useState({ fullName: '', nik: '', phone: '' });
  const [queued, setQueued] = useState(false);
  const { busy, error, submit } = useSubmit(
    () => fileApplication({ serviceCode: params.code!, answers, ...(counter ? { applicant: { fullName: walkIn.fullName, nik: walkIn.nik, ...(walkIn.phone ? { phone: walkIn.phone } : {}) } } : {}) }),
    (filed) => (filed ? navigate(`/layanan/permohonan/${filed.number}`) : setQueued(true)),
  );
  if (loadError) return <Page title={t('catalogueTitle')}><LoadError error={loadError} retry={reload} /></Page>;
  if (!s?.version) return <Page title={t('catalogueTitle')}><Loading /></Page>;
  const errors = error instanceof ApiError ? error.byField() : {};
  return (
    <Page title={t('applyTitle', { name: s.name[lang] })}>
      <p>{t('applyLead')}</p>
      <QueuedList />
      {queued ? <p className="alert" role="status">{t('queued')}</p> : null}
      <form onSubmit={submit} noValidate>
        {counter ? (
          <fieldset className="layanan-group">
            <legend>{t('counterLegend')}</legend>
            <TextField label={t('fullName')} required value={walkIn.fullName} error={fieldError(error, 'applicant.fullName')} onChange={(e) => setWalkIn({ ...walkIn, fullName: e.target.value })} />
            <TextField label={t('nik')} required inputMode="numeric" maxLength={16} value={walkIn.nik} error={fieldError(error, 'applicant.nik')} onChange={(e) => setWalkIn({ ...walkIn, nik: e.target.value })} />
            <TextField label={t('phone')} type="tel" value={walkIn.phone} error={fieldError(error, 'applicant.phone')} onChange={(e) => setWalkIn({ ...walkIn, phone: e.target.value })} />
          </fieldset>
        ) : null}
        <FormFields fields={s.version.form.fields} value={answers} onChange={setAnswers} errors={errors} />
        <FormError error={error} shownFields={Object.keys(errors)} />
        <SubmitRow label={t('saveDraft')} busy={busy} />
      </form>
    </Page>
  );
}
