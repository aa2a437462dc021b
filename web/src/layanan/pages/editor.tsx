import { useEffect, useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { Checkbox, FormError, SelectField, SubmitRow, TextArea, TextField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { useSession } from '../../lib/session';
import { m } from '../messages';
import { Integration } from './integration';
import type { FieldType, FormField, Requirement, ServiceDetail, Step, Version } from '../types';

/** Field types the editor offers; inside a group neither a group nor a file (the server refuses both there). */
const TYPES: FieldType[] = ['text', 'textarea', 'number', 'date', 'select', 'checkbox', 'nik', 'phone', 'email', 'file', 'group'];
const INNER_TYPES = TYPES.filter((x) => x !== 'group' && x !== 'file');
const MB = 1024 * 1024;

const SKELETON: Version = {
  form: { fields: [] },
  requirements: [],
  steps: [
    { key: 'verifikasi', name: { id: 'Verifikasi berkas', en: 'Document check' }, kind: 'review', role: 'opd_officer', workingDays: 1 },
    { key: 'persetujuan', name: { id: 'Persetujuan kepala', en: 'Head’s approval' }, kind: 'approval', role: 'opd_admin', workingDays: 1 },
    { key: 'penerbitan', name: { id: 'Penerbitan dokumen', en: 'Issuing the document' }, kind: 'issuance', role: 'opd_officer', workingDays: 1 },
  ],
  output: { title: '', body: '', validMonths: null },
};

const optionsText = (f: FormField) => (f.options ?? []).map((o) => `${o.value}=${o.label.id}`).join('\n');
const parseOptions = (text: string) =>
  text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const [value, ...rest] = l.split('=');
    const label = rest.join('=').trim() || value!.trim();
    return { value: value!.trim(), label: { id: label, en: label } };
  });

/** A condition's value as the referenced field answers it: a tick as true/false, a number as a number. */
const typed = (target: FormField | undefined, raw: string): string | number | boolean =>
  target?.type === 'checkbox' ? raw === 'true' : target?.type === 'number' && raw !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;

const blankField = (key: string): FormField => ({ key, type: 'text', label: { id: '', en: '' } });

/** A field switched to another type keeps only what that type has: a group its fields and repeats, nothing else. */
function retyped(f: FormField, type: FieldType): FormField {
  const { fields, repeatable, ...rest } = f;
  return type === 'group' ? { ...rest, type, fields: fields ?? [], ...(repeatable ? { repeatable } : {}) } : { ...rest, type };
}

interface FieldProps {
  f: FormField;
  /** Its place in the form: "3", or "3.2" for a group's second field. */
  n: string;
  types: FieldType[];
  /** The fields a condition may name: earlier ones on its level, and those before its group. */
  before: FormField[];
  onChange(f: FormField): void;
  onRemove(): void;
  /** Absent for the first of its level. */
  onUp?: (() => void) | undefined;
}

/** A list of fields, each editable, with a button to add one: the form's, or a group's. */
function FieldList({ fields, prefix, types, outer, addLabel, onChange }: { fields: FormField[]; prefix: string; types: FieldType[]; outer: FormField[]; addLabel: string; onChange(next: FormField[]): void }) {
  return (
    <>
      {fields.map((f, i) => (
        <FieldEditor
          key={i}
          f={f}
          n={`${prefix}${i + 1}`}
          types={types}
          before={[...outer, ...fields.slice(0, i)]}
          onChange={(next) => onChange(fields.map((x, j) => (j === i ? next : x)))}
          onRemove={() => onChange(fields.filter((_, j) => j !== i))}
          onUp={i > 0 ? () => onChange(fields.map((x, j) => (j === i - 1 ? fields[i]! : j === i ? fields[i - 1]! : x))) : undefined}
        />
      ))}
      <button type="button" className="btn" onClick={() => onChange([...fields, blankField(`isian_${fields.length + 1}`)])}>{addLabel}</button>
    </>
  );
}

/** A group's own settings: repeated or not (how many times at least and at most), and its fields. */
function GroupEditor({ f, n, before, onChange }: Pick<FieldProps, 'f' | 'n' | 'before' | 'onChange'>) {
  const t = useT(m);
  const rep = f.repeatable;
  const { repeatable: _, ...once } = f;
  return (
    <>
      <Checkbox label={t('repeatable')} hint={t('repeatableHint')} checked={!!rep} onChange={(e) => onChange(e.target.checked ? { ...f, repeatable: { min: 1, max: 5 } } : once)} />
      {rep ? (
        <div className="layanan-inline">
          <TextField label={t('repeatMin')} type="number" min={0} max={50} value={String(rep.min)} onChange={(e) => onChange({ ...f, repeatable: { ...rep, min: Number(e.target.value) || 0 } })} />
          <TextField label={t('repeatMax')} type="number" min={1} max={50} value={String(rep.max)} onChange={(e) => onChange({ ...f, repeatable: { ...rep, max: Number(e.target.value) || 0 } })} />
        </div>
      ) : null}
      <FieldList
        fields={f.fields ?? []}
        prefix={`${n}.`}
        types={INNER_TYPES}
        outer={before}
        addLabel={t('addGroupField', { label: f.label.id || f.key })}
        onChange={(fields) => onChange({ ...f, fields })}
      />
    </>
  );
}

function FieldEditor({ f, n, types, before, onChange, onRemove, onUp }: FieldProps) {
  const t = useT(m);
  const [options, setOptions] = useState(optionsText(f));
  const cond = f.when && 'field' in f.when && 'equals' in f.when ? f.when : undefined;
  const candidates = before.filter((b) => b.type !== 'group' && b.type !== 'file');
  return (
    <fieldset className="layanan-item">
      <legend>{t('fieldN', { n })}</legend>
      <div className="layanan-inline">
        <TextField label={t('key')} value={f.key} onChange={(e) => onChange({ ...f, key: e.target.value.trim() })} />
        <SelectField label={t('type')} value={f.type} onChange={(e) => onChange(retyped(f, e.target.value as FieldType))}>
          {types.map((x) => <option key={x} value={x}>{x}</option>)}
        </SelectField>
      </div>
      <TextField label={t('labelId')} value={f.label.id} onChange={(e) => onChange({ ...f, label: { ...f.label, id: e.target.value } })} />
      <TextField label={t('labelEn')} value={f.label.en} onChange={(e) => onChange({ ...f, label: { ...f.label, en: e.target.value } })} />
      <Checkbox label={t('required')} checked={!!f.required} onChange={(e) => onChange({ ...f, required: e.target.checked })} />
      {f.type === 'select' ? (
        <TextArea label={t('options')} rows={3} value={options} onChange={(e) => { setOptions(e.target.value); onChange({ ...f, options: parseOptions(e.target.value) }); }} />
      ) : null}
      <div className="layanan-inline">
        <SelectField label={t('conditionField')} value={cond?.field ?? ''} onChange={(e) => { const { when: _, ...rest } = f; onChange(e.target.value ? { ...rest, when: { field: e.target.value, equals: cond?.equals ?? '' } } : rest); }}>
          <option value="">{t('conditionNone')}</option>
          {candidates.map((b) => <option key={b.key} value={b.key}>{b.label.id || b.key}</option>)}
        </SelectField>
        {cond ? (
          <TextField label={t('conditionEquals')} value={String(cond.equals)} onChange={(e) => onChange({ ...f, when: { field: cond.field, equals: typed(before.find((b) => b.key === cond.field), e.target.value) } })} />
        ) : null}
      </div>
      {f.type === 'group' ? <GroupEditor f={f} n={n} before={before} onChange={onChange} /> : null}
      <div className="btn-row">
        {onUp ? <button type="button" className="btn" onClick={onUp}>{t('moveUp')}</button> : null}
        <button type="button" className="btn btn-danger" onClick={onRemove}>{t('remove')}</button>
      </div>
    </fieldset>
  );
}

/** The OPD admin's editor: the service's standar pelayanan, and its form, requirements, steps and output published as a new version. */
export default function Editor({ params }: { params: Record<string, string> }) {
  const t = useT(m);
  const { user } = useSession();
  const { lang } = useLang();
  const loaded = useApi<ServiceDetail>(`/layanan/services/${params.code}`);
  const [v, setV] = useState<Version | null>(null);
  const [info, setInfo] = useState<{ nameId: string; descId: string; legalBasis: string; feeRupiah: string; standardDays: string; open: boolean } | null>(null);
  const [note, setNote] = useState('');
  const s = loaded.data;
  useEffect(() => {
    if (!s) return;
    setV(s.version ? { form: s.version.form, requirements: s.version.requirements, steps: s.version.steps, output: s.version.output } : { ...SKELETON, output: { ...SKELETON.output, title: s.name.id } });
    setInfo({ nameId: s.name.id, descId: s.description.id, legalBasis: s.legalBasis, feeRupiah: String(s.feeRupiah), standardDays: String(s.standardDays), open: s.open || !s.version });
  }, [s]);
  const saveInfo = useSubmit(
    () => api('PATCH', `/layanan/services/${params.code}`, {
      body: { name: { id: info!.nameId, en: s!.name.en }, description: { id: info!.descId, en: s!.description.en }, legalBasis: info!.legalBasis, feeRupiah: Number(info!.feeRupiah) || 0, standardDays: Number(info!.standardDays) || 0, ...(s!.version ? { open: info!.open } : {}) },
    }),
    () => loaded.reload(),
  );
  const [published, setPublished] = useState<number | null>(null);
  const publish = useSubmit(
    () => {
      const en = <T extends { id: string; en: string }>(x: T) => ({ id: x.id, en: x.en || x.id });
      const body = {
        form: { fields: v!.form.fields.map((f) => ({ ...f, label: en(f.label), ...(f.fields ? { fields: f.fields.map((x) => ({ ...x, label: en(x.label) })) } : {}) })) },
        requirements: v!.requirements.map((r) => ({ ...r, label: en(r.label) })),
        steps: v!.steps.map((x) => ({ ...x, name: en(x.name) })),
        output: v!.output,
        ...(note.trim() ? { note: note.trim() } : {}),
      };
      return api<{ version: number }>('POST', `/layanan/services/${params.code}/versions`, { body });
    },
    (r) => { setPublished(r.version); loaded.reload(); },
  );
  if (loaded.error) return <Page title={t('manageTitle')}><LoadError error={loaded.error} retry={loaded.reload} /></Page>;
  if (!s || !v || !info) return <Page title={t('manageTitle')}><Loading /></Page>;
  const fields = v.form.fields;
  const setFields = (next: FormField[]) => setV({ ...v, form: { fields: next } });
  const setReq = (i: number, r: Requirement) => setV({ ...v, requirements: v.requirements.map((x, j) => (j === i ? r : x)) });
  const setStep = (i: number, st: Step) => setV({ ...v, steps: v.steps.map((x, j) => (j === i ? st : x)) });
  const problems = publish.error instanceof ApiError ? publish.error.errors : [];
  return (
    <Page title={t('editorTitle', { name: s.name[lang] })}>
      <form onSubmit={saveInfo.submit} noValidate>
        <h2>{t('standardTitle')}</h2>
        <TextField label={t('nameId')} value={info.nameId} onChange={(e) => setInfo({ ...info, nameId: e.target.value })} />
        <TextArea label={t('descId')} rows={3} value={info.descId} onChange={(e) => setInfo({ ...info, descId: e.target.value })} />
        <TextArea label={t('legalBasis')} rows={2} value={info.legalBasis} onChange={(e) => setInfo({ ...info, legalBasis: e.target.value })} />
        <TextField label={t('feeRupiah')} type="number" min={0} value={info.feeRupiah} onChange={(e) => setInfo({ ...info, feeRupiah: e.target.value })} />
        <TextField label={t('standardDays')} type="number" min={1} value={info.standardDays} onChange={(e) => setInfo({ ...info, standardDays: e.target.value })} />
        {s.version ? <Checkbox label={t('openService')} checked={info.open} onChange={(e) => setInfo({ ...info, open: e.target.checked })} /> : null}
        <FormError error={saveInfo.error} />
        <SubmitRow label={t('saveInfo')} tone="plain" busy={saveInfo.busy} />
      </form>
      <form onSubmit={publish.submit} noValidate>
        <section className="layanan-editor-block" aria-labelledby="ed-form">
          <h2 id="ed-form">{t('formTitle')}</h2>
          <FieldList fields={fields} prefix="" types={TYPES} outer={[]} addLabel={t('addField')} onChange={setFields} />
        </section>
        <section className="layanan-editor-block" aria-labelledby="ed-req">
          <h2 id="ed-req">{t('requirementsTitle')}</h2>
          {v.requirements.map((r, i) => (
            <fieldset key={i} className="layanan-item">
              <legend>{t('requirementN', { n: i + 1 })}</legend>
              <div className="layanan-inline">
                <TextField label={t('key')} value={r.key} onChange={(e) => setReq(i, { ...r, key: e.target.value.trim() })} />
                <TextField label={t('maxMb')} type="number" min={0.1} step="any" value={String(r.maxBytes / MB)} onChange={(e) => setReq(i, { ...r, maxBytes: Math.round((Number(e.target.value) || 0) * MB) })} />
              </div>
              <TextField label={t('labelId')} value={r.label.id} onChange={(e) => setReq(i, { ...r, label: { ...r.label, id: e.target.value } })} />
              <Checkbox label={t('required')} checked={r.required} onChange={(e) => setReq(i, { ...r, required: e.target.checked })} />
              <Checkbox label={t('kindPdf')} checked={r.kinds.includes('pdf')} onChange={(e) => setReq(i, { ...r, kinds: e.target.checked ? [...r.kinds, 'pdf'] : r.kinds.filter((k) => k !== 'pdf') })} />
              <Checkbox label={t('kindImage')} checked={r.kinds.includes('image')} onChange={(e) => setReq(i, { ...r, kinds: e.target.checked ? [...r.kinds, 'image'] : r.kinds.filter((k) => k !== 'image') })} />
              <button type="button" className="btn btn-danger" onClick={() => setV({ ...v, requirements: v.requirements.filter((_, j) => j !== i) })}>{t('remove')}</button>
            </fieldset>
          ))}
          <button type="button" className="btn" onClick={() => setV({ ...v, requirements: [...v.requirements, { key: `berkas_${v.requirements.length + 1}`, label: { id: '', en: '' }, required: true, kinds: ['pdf', 'image'], maxBytes: 2 * MB }] })}>{t('addRequirement')}</button>
        </section>
        <section className="layanan-editor-block" aria-labelledby="ed-steps">
          <h2 id="ed-steps">{t('stepsTitle')}</h2>
          {v.steps.map((st, i) => (
            <fieldset key={i} className="layanan-item">
              <legend>{t('stepN', { n: i + 1 })}</legend>
              <div className="layanan-inline">
                <TextField label={t('key')} value={st.key} onChange={(e) => setStep(i, { ...st, key: e.target.value.trim() })} />
                <TextField label={t('workingDays')} type="number" min={1} value={String(st.workingDays)} onChange={(e) => setStep(i, { ...st, workingDays: Number(e.target.value) || 0 })} />
              </div>
              <TextField label={t('labelId')} value={st.name.id} onChange={(e) => setStep(i, { ...st, name: { ...st.name, id: e.target.value } })} />
              <div className="layanan-inline">
                <SelectField label={t('stepKind')} value={st.kind} onChange={(e) => setStep(i, { ...st, kind: e.target.value as Step['kind'] })}>
                  {(['review', 'approval', 'issuance'] as const).map((k) => <option key={k} value={k}>{t(`kind_${k}`)}</option>)}
                </SelectField>
                <SelectField label={t('stepRole')} value={st.role} onChange={(e) => setStep(i, { ...st, role: e.target.value as Step['role'] })}>
                  {(['opd_officer', 'opd_admin'] as const).map((r) => <option key={r} value={r}>{t(`role_${r}`)}</option>)}
                </SelectField>
              </div>
              <button type="button" className="btn btn-danger" onClick={() => setV({ ...v, steps: v.steps.filter((_, j) => j !== i) })}>{t('remove')}</button>
            </fieldset>
          ))}
          <button type="button" className="btn" onClick={() => setV({ ...v, steps: [...v.steps.slice(0, -2), { key: `pemeriksaan_${v.steps.length}`, name: { id: '', en: '' }, kind: 'review', role: 'opd_officer', workingDays: 1 }, ...v.steps.slice(-2)] })}>{t('addStep')}</button>
        </section>
        <section className="layanan-editor-block" aria-labelledby="ed-out">
          <h2 id="ed-out">{t('outputTitle')}</h2>
          <p className="hint">{t('outputHint')}</p>
          <TextField label={t('outputTitleField')} value={v.output.title} onChange={(e) => setV({ ...v, output: { ...v.output, title: e.target.value } })} />
          <TextArea label={t('outputBody')} rows={5} value={v.output.body} onChange={(e) => setV({ ...v, output: { ...v.output, body: e.target.value } })} />
          <TextField label={t('validMonths')} type="number" min={1} value={v.output.validMonths === null ? '' : String(v.output.validMonths)} onChange={(e) => setV({ ...v, output: { ...v.output, validMonths: e.target.value ? Number(e.target.value) : null } })} />
          <TextField label={t('message')} value={note} onChange={(e) => setNote(e.target.value)} />
        </section>
        <FormError error={publish.error} />
        {problems.length > 1 ? <ul className="field-error">{problems.map((p, i) => <li key={i}>{p.field}: {p.message[lang]}</li>)}</ul> : null}
        {published ? <p className="alert" role="status">{t('published', { n: published })}</p> : null}
        <SubmitRow label={t('publish')} busy={publish.busy} />
      </form>
      {/* The webhook and the keys are the OPD admin's own, not the super admin's. */}
      {user?.role === 'opd_admin' ? <Integration code={params.code!} /> : null}
    </Page>
  );
}
