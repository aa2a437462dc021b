import { useState } from 'react';
import { api } from '../lib/api';
import { pick, useLang, useT } from '../lib/i18n';
import { useSubmit } from '../lib/use-submit';
import { Checkbox, FormError, SelectField, SubmitRow, TextArea, TextField, fieldError } from '../ui/forms';
import { m } from './messages';
import { KINDS, SERVICE_KEYS, VERDICTS, type Kind, type StaffItem } from './types';

/** "2026-03-02T09:00" in the browser's time zone, as a datetime-local input takes it. */
const toLocal = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
export const fromLocal = (v: string) => (v ? new Date(v).toISOString() : undefined);

/** An editor's form: a new draft (any kind) or an edit of one, with the kind's own fields. */
export function ItemForm({ current, onSaved }: { current?: StaffItem; onSaved: (saved: StaffItem) => void }) {
  const t = useT(m);
  const { lang } = useLang();
  const it = current?.item;
  const [kind, setKind] = useState<Kind>(it?.kind ?? 'berita');
  const [f, setF] = useState({
    title: it?.title ?? '',
    slug: it?.slug ?? '',
    summary: it?.summary ?? '',
    body: it?.body ?? '',
    since: toLocal(it?.since ?? null),
    expectedEnd: toLocal(it?.expectedEnd ?? null),
    claim: it?.claim ?? '',
    verdict: it?.verdict?.code ?? '',
    sources: (it?.sources ?? []).map((s) => `${s.title} | ${s.url}`).join('\n'),
    other: (it?.services ?? []).map((s) => s.key).filter((k) => !(SERVICE_KEYS as readonly string[]).includes(k)).join(', '),
  });
  const [services, setServices] = useState<string[]>((it?.services ?? []).map((s) => s.key).filter((k) => (SERVICE_KEYS as readonly string[]).includes(k)));
  const [imageId, setImageId] = useState<string | null>(current?.imageId ?? null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((s) => ({ ...s, [k]: e.target.value }));
  const [uploadError, setUploadError] = useState<unknown>(undefined);
  const pickImage = async (file: File | undefined) => {
    if (!file) return;
    const form = new FormData();
    form.append('photo', file);
    try {
      setImageId((await api<{ id: string }>('POST', '/uploads', { form })).id);
      setUploadError(undefined);
    } catch (err) {
      setUploadError(err);
    }
  };
  const { busy, error, submit } = useSubmit(async () => {
    const body: Record<string, unknown> = { title: f.title, summary: f.summary, body: f.body, ...(f.slug && f.slug !== it?.slug ? { slug: f.slug } : {}), ...(imageId !== (current?.imageId ?? null) ? { imageId } : {}) };
    if (kind === 'gangguan') {
      body.services = [...services, ...f.other.split(',').map((s) => s.trim()).filter(Boolean)];
      body.since = fromLocal(f.since);
      body.expectedEnd = fromLocal(f.expectedEnd) ?? null;
    }
    if (kind === 'klarifikasi') {
      body.claim = f.claim || undefined;
      body.verdict = f.verdict || undefined;
      body.sources = f.sources.split('\n').map((l) => l.split('|').map((p) => p.trim())).filter(([title]) => title).map(([title, url]) => ({ title, url: url ?? '' }));
    }
    return current ? api<StaffItem>('PATCH', `/portal/drafts/${current.id}`, { body }) : api<StaffItem>('POST', '/portal/drafts', { body: { kind, ...body } });
  }, onSaved);
  const err = (field: string) => fieldError(error, field);
  return (
    <form onSubmit={submit} noValidate>
      {current ? null : (
        <SelectField label={t('kind')} value={kind} onChange={(e) => setKind(e.target.value as Kind)} required>
          {KINDS.map((k) => (
            <option key={k} value={k}>{t(`kind.${k}`)}</option>
          ))}
        </SelectField>
      )}
      <TextField label={t('title')} value={f.title} onChange={set('title')} error={err('title')} required maxLength={200} />
      <TextField label={t('slug')} hint={t('slugHint')} value={f.slug} onChange={set('slug')} error={err('slug')} maxLength={120} />
      <TextArea label={t('summary')} hint={t('summaryHint')} value={f.summary} onChange={set('summary')} error={err('summary')} required rows={2} maxLength={500} />
      {kind === 'klarifikasi' ? (
        <>
          <TextArea label={t('claim')} value={f.claim} onChange={set('claim')} error={err('claim')} required rows={2} />
          <SelectField label={t('verdict')} value={f.verdict} onChange={set('verdict')} error={err('verdict')} required>
            <option value="" />
            {VERDICTS.map((v) => (
              <option key={v} value={v}>{t(`verdict.${v}`)}</option>
            ))}
          </SelectField>
        </>
      ) : null}
      <TextArea label={kind === 'klarifikasi' ? t('facts') : t('body')} hint={kind === 'klarifikasi' ? t('factsHint') : t('bodyHint')} value={f.body} onChange={set('body')} error={err('body')} required rows={8} />
      {kind === 'gangguan' ? (
        <>
          <fieldset className="pt-services" aria-describedby="pt-services-hint">
            <legend>{t('services')} *</legend>
            <p className="hint" id="pt-services-hint">{t('servicesHint')}</p>
            {SERVICE_KEYS.map((k) => (
              <Checkbox key={k} label={t(`service.${k}`)} checked={services.includes(k)} onChange={(e) => setServices((s) => (e.target.checked ? [...s, k] : s.filter((x) => x !== k)))} />
            ))}
            {err('services') ? <p className="field-error" role="alert">{pick(err('services')!, lang)}</p> : null}
          </fieldset>
          <TextField label={t('otherServices')} hint={t('otherServicesHint')} value={f.other} onChange={set('other')} />
          <TextField label={t('since')} type="datetime-local" value={f.since} onChange={set('since')} error={err('since')} required />
          <TextField label={t('expectedEnd')} type="datetime-local" value={f.expectedEnd} onChange={set('expectedEnd')} error={err('expectedEnd')} />
        </>
      ) : null}
      {kind === 'klarifikasi' ? <TextArea label={t('sourcesField')} hint={t('sourcesHint')} value={f.sources} onChange={set('sources')} error={err('sources')} rows={3} /> : null}
      <TextField label={t('image')} hint={imageId ? t('imageKept') : t('imageHint')} type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => void pickImage(e.target.files?.[0])} error={fieldError(uploadError, 'photo') ?? err('imageId')} />
      <FormError error={error} shownFields={['services', 'title', 'slug', 'summary', 'body', 'claim', 'verdict', 'since', 'expectedEnd', 'sources', 'imageId']} />
      <SubmitRow label={current ? t('save') : t('create')} busy={busy} />
    </form>
  );
}
