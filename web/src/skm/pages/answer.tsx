import { useState } from 'react';
import { api } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useApi } from '../../lib/use-api';
import { Loading, LoadError, Page } from '../../ui/page';
import { SurveyForm } from '../survey';
import { m } from '../messages';

/** The survey, opened from an invitation (/skm/isi/:token, once) or a unit's public link (/skm/u/:key). */
export default function AnswerSurvey({ params }: { params: Record<string, string> }) {
  const t = useT(m);
  const { token, key } = params;
  const path = token ? `/skm/invitations/${encodeURIComponent(token)}` : `/skm/units/by-key/${encodeURIComponent(key ?? '')}`;
  const target = useApi<{ name?: string; unit?: { name: string }; answered?: boolean }>(path);
  const [sent, setSent] = useState(false);
  const name = target.data?.unit?.name ?? target.data?.name;
  return (
    <Page title={t('surveyTitle')}>
      {target.error ? <LoadError error={target.error} retry={target.reload} /> : !target.data ? <Loading /> : sent ? (
        <p className="alert alert-success" role="status">{t('thanks')}</p>
      ) : target.data.answered ? (
        <p className="alert" role="status">{t('alreadyAnswered')}</p>
      ) : (
        <>
          <p className="lead"><strong>{name}</strong></p>
          <p>{t('surveyLead')}</p>
          <SurveyForm send={(answer) => api('POST', `${path}/answers`, { body: answer })} onSent={() => { setSent(true); window.scrollTo(0, 0); }} />
        </>
      )}
    </Page>
  );
}
