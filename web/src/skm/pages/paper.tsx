import { useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useApi } from '../../lib/use-api';
import { SelectField, TextField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { SurveyForm } from '../survey';
import { m } from '../messages';
import type { Unit } from '../types';

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** An officer copies paper questionnaires, one sheet at a time (the server checks the unit is theirs). */
export default function PaperEntry() {
  const t = useT(m);
  const units = useApi<{ items: Unit[] }>('/skm/units');
  const [unitId, setUnitId] = useState('');
  const [answeredOn, setAnsweredOn] = useState(today());
  const [saved, setSaved] = useState(0);
  return (
    <Page title={t('paperTitle')}>
      <p className="lead">{t('paperLead')}</p>
      {units.error ? <LoadError error={units.error} retry={units.reload} /> : !units.data ? <Loading /> : (
        <>
          {saved ? <p className="alert alert-success" role="status">{`${t('saved')} (${saved})`}</p> : null}
          <SurveyForm
            key={saved}
            label={t('send')}
            send={(answer) =>
              unitId
                ? api('POST', `/skm/units/${unitId}/paper-answers`, { body: { ...answer, answeredOn } })
                : Promise.reject(new ApiError(422, 'unit_required', { id: 'Pilih unit layanan.', en: 'Choose the service unit.' }, 'unitId', []))
            }
            onSent={() => setSaved((n) => n + 1)}
            extra={
              <>
                <SelectField label={t('unit')} required value={unitId} onChange={(e) => setUnitId(e.target.value)}>
                  <option value="">—</option>
                  {units.data.items.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
                </SelectField>
                <TextField label={t('answeredOn')} type="date" required value={answeredOn} max={today()} onChange={(e) => setAnsweredOn(e.target.value)} />
              </>
            }
          />
        </>
      )}
    </Page>
  );
}
