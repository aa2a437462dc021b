import { useMemo, useState, type FormEvent } from 'react';
import { pick, useLang, useT } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { Checkbox, fieldError, FormError, SelectField, TextArea, TextField } from '../../ui/forms';
import { Page } from '../../ui/page';
import { CHOICES } from '../checklist';
import { newKey } from '../common';
import { m, type Key } from '../messages';
import { submitVisit } from '../offline';
import type { Visit } from './visits';

/** The volunteer's visit form: works without a connection; the record waits in IndexedDB until sent. */
export default function VisitForm({ params }: { params: Record<string, string> }) {
  const t = useT(m);
  const { lang } = useLang();
  const id = Number(params.id);
  const visit = useMemo(() => (JSON.parse(localStorage.getItem('khidmat.kemiskinan.visits') ?? '[]') as Visit[]).find((v) => v.id === id), [id]);
  const [key] = useState(newKey);
  const [started] = useState(() => new Date().toISOString());
  const [check, setCheck] = useState<Record<string, string>>({ floor: 'tanah', wall: 'papan', roof: 'seng', water: 'sumur', electricity: '450va', toilet: 'sendiri', cookingFuel: 'gas_3kg', meals: '2', earners: '1' });
  const [flags, setFlags] = useState({ sickOrDisabled: false, childrenOutOfSchool: false });
  const [point, setPoint] = useState<{ lat: string; lng: string; acc?: number }>({ lat: '', lng: '' });
  const [recommendation, setRecommendation] = useState('assist');
  const [notes, setNotes] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [state, setState] = useState<{ busy?: boolean; error?: unknown; queued?: boolean }>({});

  const locate = () =>
    navigator.geolocation?.getCurrentPosition(
      (pos) => setPoint({ lat: pos.coords.latitude.toFixed(6), lng: pos.coords.longitude.toFixed(6), acc: Math.round(pos.coords.accuracy) }),
      () => undefined,
      { enableHighAccuracy: true, timeout: 15_000 },
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState({ busy: true });
    try {
      const sent = await submitVisit({
        key,
        visitId: id,
        photos: photos.map((blob) => ({ blob, uploadId: null })),
        body: {
          visitedAt: started,
          lat: Number(point.lat),
          lng: Number(point.lng),
          ...(point.acc !== undefined ? { accuracyM: point.acc } : {}),
          checklist: { ...check, meals: Number(check.meals), earners: Number(check.earners), ...flags },
          recommendation,
          ...(notes.trim() ? { notes: notes.trim() } : {}),
        },
      });
      if (sent) navigate('/kemiskinan/kunjungan');
      else setState({ queued: true });
    } catch (error) {
      setState({ error });
    }
  };
  const err = (f: string) => fieldError(state.error, f);
  return (
    <Page title={t('visitTitle')}>
      {visit ? <p><strong>{visit.headName}</strong> — {visit.address}, RT {visit.rt}/RW {visit.rw}, {visit.kelurahanName}</p> : null}
      {state.queued ? <p className="alert alert-success" role="status">{t('queuedOffline')}</p> : null}
      <form className="kms-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('gps')}</legend>
          <button type="button" className="btn" onClick={locate}>{t('gps')}</button>
          <p role="status">{point.lat ? t('gpsTaken', { lat: point.lat, lng: point.lng, acc: point.acc ?? '?' }) : t('gpsMissing')}</p>
          <div className="grid-2">
            <TextField label={t('lat')} inputMode="decimal" required value={point.lat} onChange={(e) => setPoint({ ...point, lat: e.target.value })} error={err('lat')} />
            <TextField label={t('lng')} inputMode="decimal" required value={point.lng} onChange={(e) => setPoint({ ...point, lng: e.target.value })} error={err('lng')} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('visitTitle')}</legend>
          {Object.entries(CHOICES).map(([k, options]) => (
            <SelectField key={k} label={t(k as Key)} value={check[k]} onChange={(e) => setCheck({ ...check, [k]: e.target.value })} error={err(`checklist.${k}`)}>
              {Object.entries(options).map(([o, label]) => <option key={o} value={o}>{pick(label, lang)}</option>)}
            </SelectField>
          ))}
          <SelectField label={t('meals')} value={check.meals} onChange={(e) => setCheck({ ...check, meals: e.target.value })}>
            {['1', '2', '3'].map((n) => <option key={n} value={n}>{n}</option>)}
          </SelectField>
          <TextField label={t('earners')} type="number" min={0} max={20} value={check.earners} onChange={(e) => setCheck({ ...check, earners: e.target.value })} error={err('checklist.earners')} />
          <Checkbox label={t('sickOrDisabled')} checked={flags.sickOrDisabled} onChange={(e) => setFlags({ ...flags, sickOrDisabled: e.target.checked })} />
          <Checkbox label={t('childrenOutOfSchool')} checked={flags.childrenOutOfSchool} onChange={(e) => setFlags({ ...flags, childrenOutOfSchool: e.target.checked })} />
          <SelectField label={t('recommendation')} value={recommendation} onChange={(e) => setRecommendation(e.target.value)}>
            {['assist', 'refer', 'not_eligible'].map((r) => <option key={r} value={r}>{t(`rec_${r}` as Key)}</option>)}
          </SelectField>
          <TextArea label={t('notes')} rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} error={err('notes')} />
          <TextField label={t('photos')} type="file" accept="image/*" capture="environment" multiple onChange={(e) => setPhotos(Array.from(e.target.files ?? []).slice(0, 5))} error={err('photoIds')} />
        </fieldset>
        <FormError error={state.error} shownFields={['lat', 'lng', 'notes', 'photoIds']} />
        <button type="submit" className="btn btn-primary" disabled={state.busy && !state.error && !state.queued}>{t('saveVisit')}</button>
      </form>
    </Page>
  );
}
