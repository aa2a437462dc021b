import { useState, type ChangeEvent } from 'react';
import { api } from '../../../lib/api';
import { useLang, useT } from '../../../lib/i18n';
import { navigate } from '../../../lib/router';
import { useSession } from '../../../lib/session';
import { useApi } from '../../../lib/use-api';
import { useSubmit } from '../../../lib/use-submit';
import { fieldError, FormError, SelectField, SubmitRow, TextArea, TextField } from '../../../ui/forms';
import { Loading, LoadError, Page } from '../../../ui/page';
import { fileSize } from '../../common';
import { EXEMPTION, label } from '../../labels';
import { m } from '../messages';
import '../catalogue.css';
import { CLASSES, CLASS_LABELS, type CatalogueDetail, type CatalogueDocument } from '../types';

const TEXT_FIELDS = ['title', 'summary', 'responsible', 'format', 'period', 'retention'] as const;
type Values = Record<(typeof TEXT_FIELDS)[number] | 'class' | 'opdCode' | 'exemption' | 'legalBasis' | 'consequenceTest', string>;
const EMPTY: Values = { opdCode: '', class: 'berkala', title: '', summary: '', responsible: '', format: 'PDF', period: '', retention: '5 tahun', exemption: '', legalBasis: '', consequenceTest: '' };
const SHOWN = [...TEXT_FIELDS, 'class', 'opdCode', 'exemption', 'legalBasis', 'consequenceTest', 'documentIds', 'file'];

/** The draft's form: a new item (/ppid/dip/baru) or a draft returned for changes (/ppid/dip/:id/ubah). */
function Editor({ item }: { item?: CatalogueDetail }) {
  const t = useT(m);
  const { lang } = useLang();
  const { user } = useSession();
  const [v, setV] = useState<Values>(() =>
    item
      ? { ...EMPTY, ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, item[k]])), class: item.class, exemption: item.exemption ?? '', legalBasis: item.legalBasis ?? '', consequenceTest: item.consequenceTest ?? '' }
      : EMPTY,
  );
  const [docs, setDocs] = useState<CatalogueDocument[]>(item?.documents ?? []);
  const [key] = useState(() => crypto.randomUUID());
  // The PPID Utama writes for any OPD; everyone else for their own.
  const choosesOpd = !item && (user?.role === 'ppid_utama' || user?.opdId === null);
  const opds = useApi<{ code: string; name: string }[]>(choosesOpd ? '/opds' : null);
  const exempt = v.class === 'dikecualikan';
  const set = (k: keyof Values) => (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setV({ ...v, [k]: e.target.value });

  const [uploadError, setUploadError] = useState<unknown>();
  const [uploading, setUploading] = useState(false);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const file = input.files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    setUploading(true);
    setUploadError(undefined);
    try {
      const doc = await api<{ id: string; name: string; mime: string; bytes: number }>('POST', '/uploads/documents', { form });
      setDocs((d) => [...d, { ...doc, url: '' }]);
    } catch (err) {
      setUploadError(err);
    } finally {
      setUploading(false);
      input.value = '';
    }
  };

  const body = () => ({
    class: v.class,
    ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, v[k].trim()])),
    ...(exempt ? { exemption: v.exemption || undefined, legalBasis: v.legalBasis.trim() || undefined, consequenceTest: v.consequenceTest.trim() || undefined } : {}),
    documentIds: exempt ? [] : docs.map((d) => d.id),
  });
  const save = useSubmit(
    () =>
      item
        ? api<CatalogueDetail>('PATCH', `/ppid/catalogue/${item.id}`, { body: body() })
        : api<CatalogueDetail>('POST', '/ppid/catalogue', { body: { ...body(), ...(choosesOpd && v.opdCode ? { opdCode: v.opdCode } : {}) }, headers: { 'Idempotency-Key': key } }),
    (saved) => navigate(`/ppid/dip/${saved.id}`),
  );
  const err = (f: string) => fieldError(save.error, f);
  return (
    <Page title={item ? t('editTitle') : t('newTitle')}>
      <p className="lead">{t('formLead')}</p>
      <form className="ppid-form" onSubmit={(e) => void save.submit(e)} noValidate>
        {choosesOpd ? (
          <SelectField label={t('opd')} hint={t('opdHint')} required value={v.opdCode} onChange={set('opdCode')} error={err('opdCode')}>
            <option value="">{t('choose')}</option>
            {opds.data?.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
          </SelectField>
        ) : null}
        <SelectField label={t('cls')} required value={v.class} onChange={set('class')} error={err('class')}>
          {CLASSES.map((c) => <option key={c} value={c}>{CLASS_LABELS[c][lang]}</option>)}
        </SelectField>
        <TextField label={t('title')} required value={v.title} onChange={set('title')} error={err('title')} />
        <TextArea label={t('summary')} hint={t('summaryHint')} required rows={4} value={v.summary} onChange={set('summary')} error={err('summary')} />
        <TextField label={t('responsible')} hint={t('responsibleHint')} required value={v.responsible} onChange={set('responsible')} error={err('responsible')} />
        <TextField label={t('format')} hint={t('formatHint')} required value={v.format} onChange={set('format')} error={err('format')} />
        <TextField label={t('period')} hint={t('periodHint')} required value={v.period} onChange={set('period')} error={err('period')} />
        <TextField label={t('retention')} hint={t('retentionHint')} required value={v.retention} onChange={set('retention')} error={err('retention')} />
        {exempt ? (
          <fieldset>
            <legend>{t('exemptLegend')}</legend>
            <SelectField label={t('exemption')} required value={v.exemption} onChange={set('exemption')} error={err('exemption')}>
              <option value="">{t('choose')}</option>
              {Object.keys(EXEMPTION).map((x) => <option key={x} value={x}>{label(EXEMPTION, x, lang)}</option>)}
            </SelectField>
            <TextField label={t('legalBasis')} hint={t('legalBasisHint')} required value={v.legalBasis} onChange={set('legalBasis')} error={err('legalBasis')} />
            <TextArea label={t('consequenceTest')} hint={t('consequenceHint')} required rows={4} value={v.consequenceTest} onChange={set('consequenceTest')} error={err('consequenceTest')} />
          </fieldset>
        ) : (
          <fieldset>
            <legend>{t('documents')}</legend>
            {docs.length ? (
              <ul className="dip-files">
                {docs.map((d) => (
                  <li key={d.id}>
                    <span>{d.name} <span className="hint">({fileSize(d.bytes)})</span></span>
                    <button type="button" className="btn" aria-label={t('remove', { name: d.name })} onClick={() => setDocs(docs.filter((x) => x.id !== d.id))}>×</button>
                  </li>
                ))}
              </ul>
            ) : null}
            <TextField
              label={t('files')}
              hint={uploading ? t('uploading') : t('filesHint')}
              type="file"
              accept=".pdf,.xlsx,.csv,application/pdf,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={uploading}
              onChange={(e) => void onFile(e)}
              error={fieldError(uploadError, 'file') ?? err('documentIds')}
            />
            <FormError error={uploadError} shownFields={['file']} />
          </fieldset>
        )}
        <FormError error={save.error} shownFields={SHOWN} />
        <SubmitRow label={t('save')} busy={save.busy || uploading} />
      </form>
    </Page>
  );
}

export function NewItem() {
  return <Editor />;
}

export default function EditItem({ params }: { params: Record<string, string> }) {
  const { data, error, loading, reload } = useApi<CatalogueDetail>(`/ppid/catalogue/${encodeURIComponent(params.id ?? '')}`);
  if (loading) return <Loading />;
  if (error || !data) return <LoadError error={error} retry={reload} />;
  return <Editor item={data} />;
}
