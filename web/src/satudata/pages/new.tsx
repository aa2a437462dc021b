import { useState } from 'react';
import { api } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { Checkbox, fieldError, FormError, SelectField, SubmitRow, TextArea, TextField } from '../../ui/forms';
import { Page } from '../../ui/page';
import { m, type Key } from '../messages';
import { FREQUENCIES, LICENSE_IDS, TOPICS, VARIABLE_TYPES, type Dataset } from '../types';
import '../satudata.css';

interface VariableRow {
  name: string;
  label: string;
  definition: string;
  type: (typeof VARIABLE_TYPES)[number];
  unit: string;
  optional: boolean;
  /** Unticked for rates, shares and averages: no total. */
  additive: boolean;
}

const emptyVariable = (): VariableRow => ({ name: '', label: '', definition: '', type: 'text', unit: '', optional: false, additive: true });
const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

/** A producer's new dataset: what it is and its variables; its table then comes as versions. */
export default function NewDataset() {
  const t = useT(m);
  const { user } = useSession();
  const steward = user?.role === 'walidata';
  const opds = useApi<{ code: string; name: string }[]>(steward ? '/opds' : null);
  const [f, setF] = useState({ name: '', opdCode: '', title: '', description: '', topic: '', frequency: 'tahunan', period: '', unit: '', licenseId: 'CC-BY-4.0', contactName: '', contactEmail: '', tags: '', regionCodes: '' });
  const [vars, setVars] = useState<VariableRow[]>([emptyVariable()]);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const setVar = (i: number, change: Partial<VariableRow>) => setVars(vars.map((v, j) => (j === i ? { ...v, ...change } : v)));
  const { busy, error, submit } = useSubmit(
    () =>
      api<Dataset>('POST', '/data/datasets', {
        body: {
          name: f.name.trim(),
          ...(steward && f.opdCode ? { opdCode: f.opdCode } : {}),
          title: f.title.trim(),
          description: f.description.trim(),
          topic: f.topic,
          frequency: f.frequency,
          period: f.period.trim(),
          unit: f.unit.trim(),
          licenseId: f.licenseId,
          contactName: f.contactName.trim(),
          contactEmail: f.contactEmail.trim(),
          tags: list(f.tags.toLowerCase()),
          regionCodes: list(f.regionCodes),
          variables: vars.map((v) => ({ name: v.name.trim(), label: v.label.trim(), definition: v.definition.trim(), type: v.type, ...(v.unit.trim() ? { unit: v.unit.trim() } : {}), ...(v.optional ? { optional: true } : {}), ...(v.additive ? {} : { additive: false }) })),
        },
      }),
    (d) => navigate(`/data/${d.name}`),
  );
  const err = (field: string) => fieldError(error, field);
  return (
    <Page title={t('newTitle')}>
      <p className="lead">{t('newLead')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {steward ? (
          <SelectField label={t('producer')} required value={f.opdCode} onChange={set('opdCode')} error={err('opdCode')}>
            <option value="">{t('choose')}</option>
            {opds.data?.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
          </SelectField>
        ) : null}
        <TextField label={t('title')} required value={f.title} onChange={set('title')} error={err('title')} />
        <TextField label={t('name')} hint={t('nameHint')} required value={f.name} onChange={set('name')} error={err('name')} />
        <TextArea label={t('description')} required rows={4} value={f.description} onChange={set('description')} error={err('description')} />
        <SelectField label={t('topic')} required value={f.topic} onChange={set('topic')} error={err('topic')}>
          <option value="">{t('choose')}</option>
          {TOPICS.map((x) => <option key={x} value={x}>{t(`topic_${x}` as Key)}</option>)}
        </SelectField>
        <SelectField label={t('frequency')} value={f.frequency} onChange={set('frequency')} error={err('frequency')}>
          {FREQUENCIES.map((x) => <option key={x} value={x}>{t(`freq_${x}` as Key)}</option>)}
        </SelectField>
        <TextField label={t('period')} hint={t('periodHint')} required value={f.period} onChange={set('period')} error={err('period')} />
        <TextField label={t('unit')} required value={f.unit} onChange={set('unit')} error={err('unit')} />
        <SelectField label={t('license')} value={f.licenseId} onChange={set('licenseId')}>
          {LICENSE_IDS.map((x) => <option key={x} value={x}>{x}</option>)}
        </SelectField>
        <TextField label={t('contactName')} required value={f.contactName} onChange={set('contactName')} error={err('contactName')} />
        <TextField label={t('contactEmail')} type="email" required value={f.contactEmail} onChange={set('contactEmail')} error={err('contactEmail')} />
        <TextField label={t('tags')} hint={t('listHint')} value={f.tags} onChange={set('tags')} error={err('tags')} />
        <TextField label={t('regionCodesLabel')} hint={t('regionHint')} value={f.regionCodes} onChange={set('regionCodes')} error={err('regionCodes')} />
        <fieldset>
          <legend>{t('variables')}</legend>
          <p className="hint">{t('variablesHint')}</p>
          {vars.map((v, i) => (
            <fieldset key={i} className="card">
              <legend>{t('variableN', { n: i + 1 })}</legend>
              <TextField label={t('varName')} hint={t('varNameHint')} required value={v.name} onChange={(e) => setVar(i, { name: e.target.value })} error={err(`variables.${i}.name`)} />
              <TextField label={t('varLabel')} required value={v.label} onChange={(e) => setVar(i, { label: e.target.value })} error={err(`variables.${i}.label`)} />
              <TextArea label={t('colDefinition')} required rows={2} value={v.definition} onChange={(e) => setVar(i, { definition: e.target.value })} error={err(`variables.${i}.definition`)} />
              <SelectField label={t('colType')} value={v.type} onChange={(e) => setVar(i, { type: e.target.value as VariableRow['type'] })}>
                {VARIABLE_TYPES.map((x) => <option key={x} value={x}>{t(`type_${x}` as Key)}</option>)}
              </SelectField>
              <TextField label={t('unit')} value={v.unit} onChange={(e) => setVar(i, { unit: e.target.value })} error={err(`variables.${i}.unit`)} />
              <Checkbox label={t('varOptional')} checked={v.optional} onChange={(e) => setVar(i, { optional: e.target.checked })} />
              {v.type === 'integer' || v.type === 'decimal' ? (
                <Checkbox label={t('varAdditive')} checked={v.additive} onChange={(e) => setVar(i, { additive: e.target.checked })} />
              ) : null}
              {vars.length > 1 ? (
                <button type="button" className="btn" onClick={() => setVars(vars.filter((_, j) => j !== i))}>
                  {t('removeVariable', { n: i + 1 })}
                </button>
              ) : null}
            </fieldset>
          ))}
          <button type="button" className="btn" onClick={() => setVars([...vars, emptyVariable()])}>
            {t('addVariable')}
          </button>
        </fieldset>
        <FormError error={error} shownFields={['name', 'opdCode', 'title', 'description', 'topic', 'period', 'unit', 'contactName', 'contactEmail', 'tags', 'regionCodes', ...vars.flatMap((_, i) => ['name', 'label', 'definition', 'unit'].map((k) => `variables.${i}.${k}`))]} />
        <SubmitRow label={t('create')} busy={busy} />
      </form>
    </Page>
  );
}
