import { useState } from 'react';
import { api } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { fieldError, FormError, SelectField, SubmitRow, TextField } from '../../ui/forms';
import { Page } from '../../ui/page';
import { m } from '../messages';
import { monthName, thisYear } from '../format';
import { CITY_READERS } from '../types';
import '../emonev.css';

const AT = 'programmes.0.activities.0.subActivities.0';

/**
 * One sub-kegiatan of the DPA at a time, under its programme and kegiatan (both created the first
 * time their code is used): the budget, the output and the twelve cumulative monthly targets.
 */
export default function DpaPage() {
  const t = useT(m);
  const { lang } = useLang();
  const { user } = useSession();
  const desk = !!user && CITY_READERS.includes(user.role);
  const opds = useApi<{ code: string; name: string }[]>(desk ? '/opds' : null);
  const [f, setF] = useState({ opdCode: '', year: String(thisYear()), programmeCode: '', programmeName: '', activityCode: '', activityName: '', code: '', name: '', budget: '', output: '' });
  const [physical, setPhysical] = useState<string[]>(Array(12).fill(''));
  const [financial, setFinancial] = useState<string[]>(Array(12).fill(''));
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const { busy, error, submit } = useSubmit(async () => {
    await api('POST', '/emonev/dpa', {
      body: {
        ...(desk ? { opdCode: f.opdCode } : {}),
        year: Number(f.year),
        programmes: [{
          code: f.programmeCode.trim(), name: f.programmeName.trim(),
          activities: [{
            code: f.activityCode.trim(), name: f.activityName.trim(),
            subActivities: [{ code: f.code.trim(), name: f.name.trim(), budget: Number(f.budget), output: f.output.trim(), plan: { physical: physical.map(Number), financial: financial.map(Number) } }],
          }],
        }],
      },
    });
    navigate(`/emonev?tahun=${f.year}${desk ? `&opd=${f.opdCode}` : ''}`);
  });
  const err = (field: string) => fieldError(error, field);
  const shown = ['opdCode', 'year', 'programmes.0.code', 'programmes.0.activities.0.code', `${AT}.code`, `${AT}.budget`, ...Array.from({ length: 12 }, (_, i) => [`${AT}.plan.physical.${i}`, `${AT}.plan.financial.${i}`]).flat()];
  return (
    <Page title={t('dpaTitle')}>
      <p className="lead">{t('dpaLead')}</p>
      <form onSubmit={submit}>
        <FormError error={error} shownFields={shown} />
        {desk ? (
          <SelectField label={t('opd')} required value={f.opdCode} onChange={set('opdCode')} error={err('opdCode')}>
            <option value="">—</option>
            {(opds.data ?? []).map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
          </SelectField>
        ) : null}
        <TextField label={t('year')} required type="number" min={2020} max={2100} value={f.year} onChange={set('year')} error={err('year')} />
        <TextField label={`${t('programme')}: ${t('code')}`} required value={f.programmeCode} onChange={set('programmeCode')} error={err('programmes.0.code')} placeholder="1.03.10" />
        <TextField label={`${t('programme')}: ${t('name')}`} required value={f.programmeName} onChange={set('programmeName')} />
        <TextField label={`${t('activity')}: ${t('code')}`} required value={f.activityCode} onChange={set('activityCode')} error={err('programmes.0.activities.0.code')} placeholder="1.03.10.2.01" />
        <TextField label={`${t('activity')}: ${t('name')}`} required value={f.activityName} onChange={set('activityName')} />
        <TextField label={`${t('subActivity')}: ${t('code')}`} required value={f.code} onChange={set('code')} error={err(`${AT}.code`)} placeholder="1.03.10.2.01.0015" />
        <TextField label={`${t('subActivity')}: ${t('name')}`} required value={f.name} onChange={set('name')} />
        <TextField label={t('budget')} required type="number" min={0} step={1} inputMode="numeric" value={f.budget} onChange={set('budget')} error={err(`${AT}.budget`)} />
        <TextField label={t('output')} required value={f.output} onChange={set('output')} hint={t('outputHint')} />
        <fieldset className="field">
          <legend>{t('planLegend')}</legend>
          {physical.map((v, i) => (
            <div key={i} className="emonev-plan-month">
              <TextField label={`${monthName(i + 1, lang)}: ${t('physical')} (%)`} required type="number" min={0} max={100} step={0.01} inputMode="decimal" value={v}
                onChange={(e) => setPhysical(physical.map((x, j) => (j === i ? e.target.value : x)))} error={err(`${AT}.plan.physical.${i}`)} />
              <TextField label={`${monthName(i + 1, lang)}: ${t('financial')}`} required type="number" min={0} step={1} inputMode="numeric" value={financial[i]!}
                onChange={(e) => setFinancial(financial.map((x, j) => (j === i ? e.target.value : x)))} error={err(`${AT}.plan.financial.${i}`)} />
            </div>
          ))}
        </fieldset>
        <SubmitRow label={t('dpaSave')} busy={busy} />
      </form>
    </Page>
  );
}
