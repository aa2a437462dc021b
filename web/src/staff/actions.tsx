import { useState } from 'react';
import { api, errorMessage } from '../lib/api';
import { useLang, useT } from '../lib/i18n';
import { useApi } from '../lib/use-api';
import { Checkbox, fieldError, FormError, SelectField, TextArea, TextField } from '../ui/forms';
import { useSubmit } from '../lib/use-submit';
import { idempotencyKey } from './common';
import { m, type StaffKey } from './messages';
import type { Category, Detail, Opd, Similar } from './types';

/**
 * One form per action the server says the caller may take now (detail.actions, derived from the
 * lifecycle table); only the fields each action's body takes are drawn here.
 */
type Field = 'message' | 'reason' | 'note' | 'returnNote' | 'forwardNote' | 'postponeUntil' | 'outside' | 'target' | 'opdCodes' | 'opdCode' | 'instruction' | 'photos';
const FIELDS: Record<string, Field[]> = {
  verify: ['message', 'note'],
  postpone: ['reason', 'postponeUntil', 'note'],
  reject: ['reason', 'note'],
  'outside-authority': ['outside', 'reason', 'note'],
  archive: ['message', 'note'],
  merge: ['target', 'note'],
  disposition: ['opdCodes', 'instruction', 'message', 'note'],
  accept: ['message', 'note'],
  'follow-up': ['message', 'note', 'photos'],
  return: ['returnNote'],
  forward: ['opdCode', 'instruction', 'forwardNote'],
  'co-handlers': ['opdCode', 'instruction', 'note'],
  resolve: ['message', 'note', 'photos'],
  comments: ['message', 'note'],
};

export function ActionPanel({ report, onDone }: { report: Detail; onDone: (label: string) => void }) {
  const t = useT(m);
  const staffActions = report.actions.filter((a) => a.path in FIELDS);
  const [open, setOpen] = useState<string | null>(null);
  if (!staffActions.length) return <p>{t('noActions')}</p>;
  return (
    <div className="staff-actions">
      {staffActions.map((a) => (
        <details key={a.path} open={open === a.path} onToggle={(e) => (e.currentTarget.open ? setOpen(a.path) : open === a.path && setOpen(null))}>
          <summary>{t(`act_${a.path}` as StaffKey)}</summary>
          {open === a.path ? (
            <ActionForm
              report={report}
              path={a.path}
              onDone={() => {
                setOpen(null);
                onDone(t(`act_${a.path}` as StaffKey));
              }}
            />
          ) : null}
        </details>
      ))}
    </div>
  );
}

function ActionForm({ report, path, onDone }: { report: Detail; path: string; onDone: () => void }) {
  const t = useT(m);
  const { lang } = useLang();
  const fields = FIELDS[path]!;
  const has = (f: Field) => fields.includes(f);
  const needsOpds = has('opdCodes') || has('opdCode');
  const opds = useApi<Opd[]>(needsOpds ? '/opds' : null);
  const categories = useApi<Category[]>(has('opdCodes') ? '/categories' : null);
  const defaultOpd = categories.data?.find((c) => c.code === report.category.code)?.defaultOpdCode ?? null;
  const [v, setV] = useState({
    message: '',
    note: '',
    postponeUntil: '',
    level: report.jurisdiction === 'kota' ? 'lain' : report.jurisdiction,
    agency: report.jurisdiction === 'nasional' ? 'BPJN Riau (Kementerian PU)' : report.jurisdiction === 'provinsi' ? 'Dinas PUPR Provinsi Riau' : '',
    target: '',
    /** null until the user picks: then the category's default OPD is proposed. */
    opdCodes: null as string[] | null,
    opdCode: '',
    instruction: '',
  });
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const chosenOpds = v.opdCodes ?? (defaultOpd ? [defaultOpd] : []);

  const { busy, error, submit } = useSubmit(async () => {
    const body: Record<string, unknown> = {};
    const text = (s: string) => (s.trim() ? s.trim() : undefined);
    if (has('message') || has('reason')) body.message = text(v.message);
    if (has('note') || has('returnNote') || has('forwardNote')) body.note = text(v.note);
    if (has('postponeUntil')) body.postponeUntil = v.postponeUntil || undefined;
    if (has('outside')) body.outside = { level: v.level, agency: v.agency.trim() };
    if (has('target')) body.targetTrackingNumber = v.target.trim().toUpperCase();
    if (has('opdCodes')) body.opdCodes = chosenOpds;
    if (has('opdCode')) body.opdCode = v.opdCode || undefined;
    if (has('instruction')) body.instruction = text(v.instruction);
    if (has('photos') && photoIds.length) body.photoIds = photoIds;
    await api('POST', `/reports/${report.trackingNumber}/${path}`, { body, headers: idempotencyKey() });
  }, onDone);

  const err = (f: string) => fieldError(error, f);
  const shown = ['message', 'note', 'postponeUntil', 'outside', 'outside.level', 'outside.agency', 'targetTrackingNumber', 'opdCodes', 'opdCode', 'instruction', 'photoIds'];
  const opdOptions = (opds.data ?? []).filter((o) => !o.isTriage);

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {has('outside') ? (
        <>
          <SelectField label={t('fLevel')} value={v.level} onChange={set('level')} error={err('outside.level')}>
            <option value="nasional">{t('fLevelNasional')}</option>
            <option value="provinsi">{t('fLevelProvinsi')}</option>
            <option value="lain">{t('fLevelLain')}</option>
          </SelectField>
          <TextField label={t('fAgency')} value={v.agency} onChange={set('agency')} required error={err('outside.agency') ?? err('outside')} />
        </>
      ) : null}
      {has('target') ? <MergeTarget report={report} value={v.target} onChange={(target) => setV({ ...v, target })} error={err('targetTrackingNumber')} /> : null}
      {has('opdCodes') ? (
        <fieldset className="field" aria-describedby={err('opdCodes') ? 'opd-codes-error' : undefined}>
          <legend>{t('fOpds')}</legend>
          {opdOptions.map((o) => (
            <Checkbox
              key={o.code}
              label={o.code === defaultOpd ? `${o.shortName} (${t('defaultOpd')})` : o.shortName}
              checked={chosenOpds.includes(o.code)}
              onChange={(e) => setV({ ...v, opdCodes: e.target.checked ? [...chosenOpds, o.code] : chosenOpds.filter((c) => c !== o.code) })}
            />
          ))}
          {err('opdCodes') ? (
            <p className="field-error" id="opd-codes-error" role="alert">
              {err('opdCodes')![lang]}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      {has('opdCode') ? (
        <SelectField label={t('fOpd')} value={v.opdCode} onChange={set('opdCode')} required error={err('opdCode')}>
          <option value="">{t('choose')}</option>
          {opdOptions
            .filter((o) => !report.dispositions.some((d) => d.status === 'active' && d.opdCode === o.code))
            .map((o) => (
              <option key={o.code} value={o.code}>
                {o.shortName}
              </option>
            ))}
        </SelectField>
      ) : null}
      {has('instruction') ? <TextArea label={t('fInstruction')} value={v.instruction} onChange={set('instruction')} error={err('instruction')} /> : null}
      {has('postponeUntil') ? <TextField label={t('fPostponeUntil')} type="date" value={v.postponeUntil} onChange={set('postponeUntil')} required error={err('postponeUntil')} /> : null}
      {has('message') || has('reason') ? (
        <TextArea label={t(has('reason') ? 'fReason' : 'fMessage')} value={v.message} onChange={set('message')} required={has('reason') || path === 'resolve'} error={err('message')} />
      ) : null}
      {has('photos') ? <PhotoPicker ids={photoIds} onChange={setPhotoIds} error={err('photoIds')} /> : null}
      {has('note') || has('returnNote') || has('forwardNote') ? (
        <TextArea
          label={t(has('returnNote') ? 'fReturnNote' : has('forwardNote') ? 'fForwardNote' : 'fNote')}
          value={v.note}
          onChange={set('note')}
          required={!has('note')}
          error={err('note')}
        />
      ) : null}
      <FormError error={error} shownFields={shown} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t(`act_${path}` as StaffKey)}
      </button>
    </form>
  );
}

function MergeTarget({ report, value, onChange, error }: { report: Detail; value: string; onChange: (tn: string) => void; error: ReturnType<typeof fieldError> }) {
  const t = useT(m);
  const { lang } = useLang();
  const similar = useApi<Similar[]>(`/reports/${report.trackingNumber}/similar`);
  return (
    <>
      <h4>{t('similar')}</h4>
      {similar.data?.length === 0 ? <p>{t('similarNone')}</p> : null}
      {similar.data?.length ? (
        <ul className="card-list staff-similar">
          {similar.data.map((s) => (
            <li key={s.trackingNumber} className="card">
              <strong>{s.trackingNumber}</strong> {s.title}
              <div className="hint">
                {s.category.name[lang]} · {s.statusLabel[lang]} · {t('similarMeta', { distance: s.distanceM, score: Math.round(s.textScore * 100), place: s.kelurahanName })}
              </div>
              <button type="button" className="btn" aria-pressed={value === s.trackingNumber} onClick={() => onChange(s.trackingNumber)}>
                {t('similarPick')} <span className="visually-hidden">{s.trackingNumber}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <TextField label={t('fTarget')} hint={t('fTargetHint')} value={value} onChange={(e) => onChange(e.target.value)} required error={error} />
    </>
  );
}

/** Evidence photos go up one by one (POST /uploads) and travel with the action as photoIds. */
function PhotoPicker({ ids, onChange, error }: { ids: string[]; onChange: (ids: string[]) => void; error: ReturnType<typeof fieldError> }) {
  const t = useT(m);
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>();
  const [thumbs, setThumbs] = useState<Record<string, string>>({});
  return (
    <div>
      <TextField
        label={t('fPhotos')}
        hint={t('fPhotosHint')}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        multiple
        disabled={busy || ids.length >= 5}
        error={uploadError ? errorMessage(uploadError) : error}
        onChange={async (e) => {
          const files = [...(e.target.files ?? [])].slice(0, 5 - ids.length);
          e.target.value = '';
          setBusy(true);
          setUploadError(undefined);
          const added: string[] = [];
          const urls: Record<string, string> = {};
          try {
            for (const file of files) {
              const form = new FormData();
              form.append('photo', file);
              const up = await api<{ id: string }>('POST', '/uploads', { form });
              added.push(up.id);
              urls[up.id] = URL.createObjectURL(file);
            }
          } catch (err) {
            setUploadError(err);
          } finally {
            setBusy(false);
            setThumbs((x) => ({ ...x, ...urls }));
            onChange([...ids, ...added]);
          }
        }}
      />
      {busy ? <p role="status">{t('uploading')}</p> : null}
      {ids.length ? (
        <>
          <p role="status">{t('uploaded', { n: ids.length })}</p>
          <ul className="staff-thumbs">
            {ids.map((id, i) => (
              <li key={id}>
                {thumbs[id] ? <img src={thumbs[id]} alt={t('photoEvidence', { n: i + 1 })} width="96" height="72" /> : null}
                <button type="button" className="btn" onClick={() => onChange(ids.filter((x) => x !== id))}>
                  {t('removePhoto', { n: i + 1 })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
