import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../lib/api';
import { useLang, useT, type Message } from '../../lib/i18n';
import { formatDate } from '../../lib/format';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { Checkbox, FormError, SelectField, TextArea, TextField, fieldError } from '../../ui/forms';
import { LoadError, Loading, Page } from '../../ui/page';
import { MapView } from '../map';
import { LocateButton } from '../locate';
import { fileM } from '../messages';
import { submitReport, type ReportDraft } from '../outbox';
import { downscalePhoto } from '../photos';
import { useReference } from '../reference';
import type { ReportClass, ReportDetail } from '../types';
import { KelurahanOptions } from '../../ui/kelurahan-options';

const CLASSES: ReportClass[] = ['pengaduan', 'aspirasi', 'permintaan_informasi'];
const STEPS = ['step1', 'step2', 'step3', 'step4', 'step5'] as const;
const MAX_PHOTOS = 5;
/** Which step shows a field, so a server refusal takes the citizen back to it. */
const STEP_OF: Record<string, number> = { class: 0, categoryCode: 0, title: 1, description: 1, incidentDate: 1, lat: 2, lng: 2, kelurahanCode: 2, address: 2, photoIds: 3, photo: 3 };

interface Photo {
  blob: Blob;
  url: string;
}

/** The incident cannot be later than today (in WIB, as the server judges it). */
const todayWib = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const msg = (key: keyof typeof fileM.id): Message => ({ id: fileM.id[key], en: fileM.en[key] });
const minLen = (n: number): Message => ({ id: `Minimal ${n} karakter.`, en: `At least ${n} characters.` });

/** A fresh form for "file another report": remounting clears every field. */
export default function FileReportPage() {
  const [round, setRound] = useState(0);
  return <ReportWizard key={round} onAnother={() => setRound((r) => r + 1)} />;
}

function ReportWizard({ onAnother }: { onAnother: () => void }) {
  const t = useT(fileM);
  const { lang } = useLang();
  const { user } = useSession();
  const categories = useReference('categories');
  const regions = useReference('regions');
  const [step, setStep] = useState(0);
  const [cls, setCls] = useState<ReportClass>('pengaduan');
  const [categoryCode, setCategoryCode] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [incidentDate, setIncidentDate] = useState('');
  const [point, setPoint] = useState<{ lat: number; lng: number } | null>(null);
  const [kelurahanCode, setKelurahanCode] = useState('');
  const [address, setAddress] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [processing, setProcessing] = useState(false);
  const [anonymous, setAnonymous] = useState(false);
  const [confidential, setConfidential] = useState(false);
  const [local, setLocal] = useState<Record<string, Message>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ report: ReportDetail } | 'queued' | 'login' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [step, result]);
  useEffect(() => () => photos.forEach((p) => URL.revokeObjectURL(p.url)), []); // eslint-disable-line react-hooks/exhaustive-deps

  const khidmat = useMemo(() => (categories.data ?? []).filter((c) => c.parentCode === null), [categories.data]);
  const kelurahanList = useMemo(() => (regions.data ?? []).flatMap((k) => k.kelurahan.map((l) => ({ ...l, kecamatan: k }))), [regions.data]);
  const categoryName = categories.data?.find((c) => c.code === categoryCode)?.name[lang];
  const kelurahanName = kelurahanList.find((l) => l.code === kelurahanCode)?.name;

  const err = (field: string) => local[field] ?? fieldError(error, field);
  /** Clears the form's own message for a field the citizen has just put right. */
  const settled = (field: string) =>
    setLocal((l) => {
      const { [field]: _drop, ...rest } = l;
      return rest;
    });
  // A point or a kelurahan each answers "where?".
  const pickPoint = (p: { lat: number; lng: number }) => {
    setPoint(p);
    settled('kelurahanCode');
  };

  function check(s: number): Record<string, Message> {
    const e: Record<string, Message> = {};
    if (s === 0 && !categoryCode) e.categoryCode = { id: 'Pilih kategori.', en: 'Choose a category.' };
    if (s === 1) {
      if (title.trim().length < 5) e.title = minLen(5);
      if (description.trim().length < 10) e.description = minLen(10);
    }
    if (s === 2 && !point && !kelurahanCode) e.kelurahanCode = msg('locationNeeded');
    return e;
  }

  function next() {
    const e = check(step);
    setLocal(e);
    if (Object.keys(e).length) {
      document.querySelector<HTMLElement>(`[name="${Object.keys(e)[0]}"]`)?.focus();
      return;
    }
    setStep((s) => s + 1);
  }

  async function addPhotos(files: FileList | null) {
    if (!files) return;
    setProcessing(true);
    try {
      const room = MAX_PHOTOS - photos.length;
      const made: Photo[] = [];
      for (const f of [...files].slice(0, room)) {
        const blob = await downscalePhoto(f);
        made.push({ blob, url: URL.createObjectURL(blob) });
      }
      setPhotos((p) => [...p, ...made]);
      settled('photo');
    } catch {
      setLocal((l) => ({ ...l, photo: { id: 'Berkas ini bukan foto yang dapat dibaca.', en: 'This file is not a readable photo.' } }));
    } finally {
      setProcessing(false);
    }
  }

  function draft(): ReportDraft {
    const kel = kelurahanList.find((l) => l.code === kelurahanCode);
    // Without a map point, the kelurahan's (or its kecamatan's) centre stands in for it.
    const at = point ?? { lat: kel?.lat ?? kel?.kecamatan.lat ?? 0, lng: kel?.lng ?? kel?.kecamatan.lng ?? 0 };
    return {
      class: cls,
      categoryCode,
      title: title.trim(),
      description: description.trim(),
      ...(incidentDate ? { incidentDate } : {}),
      lat: Number(at.lat.toFixed(6)),
      lng: Number(at.lng.toFixed(6)),
      ...(kelurahanCode ? { kelurahanCode } : {}),
      ...(address.trim() ? { address: address.trim() } : {}),
      anonymous,
      confidential,
    };
  }

  async function send(e: FormEvent) {
    e.preventDefault();
    if (step < STEPS.length - 1) return next();
    setBusy(true);
    setError(undefined);
    try {
      const res = await submitReport(user!.id, draft(), photos.map((p) => p.blob));
      setResult(res.sent ? { report: res.report } : res.needsLogin ? 'login' : 'queued');
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) {
        const fields = [err.field, ...err.errors.map((x) => x.field)].filter((f): f is string => Boolean(f));
        const s = fields.map((f) => STEP_OF[f]).find((x) => x !== undefined);
        if (s !== undefined) setStep(s);
      }
    } finally {
      setBusy(false);
    }
  }

  if (result) {
    const waiting = result === 'queued' || result === 'login';
    return (
      <Page title={waiting ? t('queuedTitle') : t('sentTitle')}>
        <h2 ref={heading} tabIndex={-1} className="visually-hidden">
          {waiting ? t('queuedTitle') : t('sentTitle')}
        </h2>
        {waiting ? (
          <p className="alert alert-info" role="status">
            {result === 'login' ? t('queuedLogin') : t('queuedLead')}
          </p>
        ) : (
          <div className="alert alert-success" role="status">
            <p>{t('sentLead')}</p>
            <p className="tracking-number" data-testid="tracking-number">
              {result.report.trackingNumber}
            </p>
          </div>
        )}
        <div className="btn-row">
          {!waiting ? (
            <Link className="btn btn-primary" to={`/laporan/${result.report.trackingNumber}`}>
              {t('open')}
            </Link>
          ) : null}
          {result === 'login' ? (
            <Link className="btn btn-primary" to="/masuk?lanjut=%2Flaporan-saya">
              {t('login')}
            </Link>
          ) : null}
          <Link className="btn" to="/laporan-saya">
            {t('toMine')}
          </Link>
          <button type="button" className="btn" onClick={onAnother}>
            {t('another')}
          </button>
        </div>
      </Page>
    );
  }

  if (categories.error && !categories.data) return <Page title={t('title')}><LoadError error={categories.error} /></Page>;
  if (!categories.data || !regions.data) return <Page title={t('title')}><Loading /></Page>;

  const summaryRows: [string, string][] = [
    [t('class'), t(cls)],
    [t('category'), categoryName ?? t('none')],
    [t('reportTitle'), title],
    [t('description'), description],
    [t('incidentDate'), incidentDate ? formatDate(incidentDate, lang) : t('none')],
    [t('mapPoint'), point ? `${point.lat.toFixed(5)}, ${point.lng.toFixed(5)}` : t('none')],
    // The server finds the kelurahan of a point when none was chosen.
    [t('kelurahan'), kelurahanName ?? (point ? t('kelurahanFromPoint') : t('none'))],
    [t('address'), address || t('none')],
    [t('photos'), String(photos.length)],
    [t('anonymous'), anonymous ? t('yes') : t('no')],
    [t('confidential'), confidential ? t('yes') : t('no')],
  ];

  return (
    <Page title={t('title')}>
      <form onSubmit={send} noValidate className="wizard">
        <p className="hint" aria-hidden="true">
          {t('stepOf', { n: step + 1, total: STEPS.length })}
        </p>
        <ol className="steps" aria-label={t('stepOf', { n: step + 1, total: STEPS.length })}>
          {STEPS.map((s, i) => (
            <li key={s} aria-current={i === step ? 'step' : undefined} className={i < step ? 'done' : undefined}>
              {t(s)}
            </li>
          ))}
        </ol>
        <h2 ref={heading} tabIndex={-1}>
          {t(STEPS[step]!)}
        </h2>

        {step === 0 ? (
          <>
            <fieldset className="field">
              <legend>{t('class')}</legend>
              {CLASSES.map((c) => (
                <label key={c} className="radio">
                  <input type="radio" name="class" value={c} checked={cls === c} onChange={() => setCls(c)} /> {t(c)}
                </label>
              ))}
            </fieldset>
            <SelectField label={t('category')} name="categoryCode" value={categoryCode} onChange={(e) => setCategoryCode(e.target.value)} error={err('categoryCode')} required>
              <option value="">{t('choose')}</option>
              {khidmat.map((k) => (
                <optgroup key={k.code} label={k.name[lang]}>
                  {categories.data!.filter((c) => c.parentCode === k.code).map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name[lang]}
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectField>
          </>
        ) : null}

        {step === 1 ? (
          <>
            <TextField label={t('reportTitle')} name="title" hint={t('titleHint')} maxLength={150} value={title} onChange={(e) => setTitle(e.target.value)} error={err('title')} required />
            <TextArea label={t('description')} name="description" hint={t('descriptionHint')} maxLength={5000} value={description} onChange={(e) => setDescription(e.target.value)} error={err('description')} required />
            <TextField label={t('incidentDate')} name="incidentDate" type="date" max={todayWib()} value={incidentDate} onChange={(e) => setIncidentDate(e.target.value)} error={err('incidentDate')} />
          </>
        ) : null}

        {step === 2 ? (
          <>
            <p className="hint">{t('mapHint')}</p>
            <LocateButton picked={point} onFound={pickPoint} />
            <MapView label={t('map')} zoom={point ? 16 : 13} center={point ?? undefined} picked={point} onPick={pickPoint} fallbackHint={t('mapFallback')} />
            <p role="status" className="picked">
              {point ? t('picked', { lat: point.lat.toFixed(5), lng: point.lng.toFixed(5) }) : ''}
            </p>
            {fieldError(error, 'lat') ? <p className="field-error">{fieldError(error, 'lat')![lang]}</p> : null}
            <SelectField label={t('kelurahan')} name="kelurahanCode" hint={t('kelurahanHint')} value={kelurahanCode} onChange={(e) => { setKelurahanCode(e.target.value); if (e.target.value) settled('kelurahanCode'); }} error={err('kelurahanCode')}>
              <option value="">{t('choose')}</option>
              <KelurahanOptions regions={regions.data} />
            </SelectField>
            <TextField label={t('address')} name="address" hint={t('addressHint')} maxLength={300} value={address} onChange={(e) => setAddress(e.target.value)} error={err('address')} />
          </>
        ) : null}

        {step === 3 ? (
          <>
            <TextField
              label={t('photos')}
              name="photo"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              multiple
              hint={t('photosHint')}
              disabled={photos.length >= MAX_PHOTOS || processing}
              onChange={(e) => {
                void addPhotos(e.target.files);
                e.target.value = '';
              }}
              error={err('photo') ?? fieldError(error, 'photoIds')}
            />
            {processing ? <p role="status">{t('processing')}</p> : null}
            {photos.length ? (
              <ul className="photo-list">
                {photos.map((p, i) => (
                  <li key={p.url}>
                    <img src={p.url} alt={t('photoAlt', { n: i + 1 })} />
                    <button
                      type="button"
                      className="btn btn-danger"
                      onClick={() => {
                        URL.revokeObjectURL(p.url);
                        setPhotos((all) => all.filter((x) => x !== p));
                      }}
                    >
                      {t('removePhoto', { n: i + 1 })}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            <Checkbox label={t('anonymous')} hint={t('anonymousHint')} name="anonymous" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
            <Checkbox label={t('confidential')} hint={t('confidentialHint')} name="confidential" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} />
          </>
        ) : null}

        {step === 4 ? (
          <>
            <p>{t('review')}</p>
            <dl className="review">
              {summaryRows.map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}

        <FormError error={error} shownFields={Object.keys(STEP_OF)} />
        <div className="btn-row">
          {step > 0 ? (
            <button type="button" className="btn" onClick={() => setStep((s) => s - 1)}>
              {t('back')}
            </button>
          ) : null}
          <button type="submit" className="btn btn-primary" disabled={busy || processing}>
            {step < STEPS.length - 1 ? t('next') : busy ? t('sending') : t('send')}
          </button>
        </div>
      </form>
    </Page>
  );
}
