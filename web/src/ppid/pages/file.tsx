import { useEffect, useState } from 'react';
import { ApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useSubmit } from '../../lib/use-submit';
import { Checkbox, fieldError, FormError, SelectField, TextArea, TextField } from '../../ui/forms';
import { Page } from '../../ui/page';
import { CopyField } from '../common';
import { CHANNEL, DELIVERY, IDENTITY, OBTAIN, label } from '../labels';
import { m } from '../messages';
import { discardQueued, forgetSent, submitRequest, useRequestOutbox, type SentRequest } from '../outbox';
import { CatalogueSuggestions } from '../suggest';
import { DELIVERY_METHODS, DESK_CHANNELS, DESK_ROLES, IDENTITY_TYPES, OBTAIN_METHODS, type RequestDraft } from '../types';

const FIELDS = ['identityType', 'identityNumber', 'fullName', 'entityName', 'address', 'email', 'phone', 'onBehalfOf', 'file', 'information', 'purpose', 'obtainMethod', 'deliveryMethod', 'publicConsent', 'channel'];

const blank = {
  identityType: 'nik' as RequestDraft['identityType'],
  identityNumber: '',
  fullName: '',
  entityName: '',
  address: '',
  email: '',
  phone: '',
  onBehalf: false,
  onBehalfOf: '',
  information: '',
  purpose: '',
  obtainMethod: 'soft_copy' as RequestDraft['obtainMethod'],
  deliveryMethod: 'email' as RequestDraft['deliveryMethod'],
  publicConsent: true,
  channel: 'walk_in' as NonNullable<RequestDraft['channel']>,
};
type Values = typeof blank;

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

const REQUIRED = { id: 'Wajib diisi.', en: 'Required.' };

/** Every required field left empty, named at once before anything is sent (the server names the first only). */
function emptyFields(v: Values): ApiError | null {
  const required: [keyof Values, boolean][] = [
    ['entityName', v.identityType === 'entity'],
    ['identityNumber', true],
    ['fullName', true],
    ['address', true],
    ['onBehalfOf', v.onBehalf],
    ['information', true],
    ['purpose', true],
  ];
  const empty = required.filter(([k, on]) => on && !String(v[k]).trim()).map(([k]) => k);
  return empty.length ? new ApiError(422, 'field_required', REQUIRED, empty[0], empty.map((field) => ({ field, code: 'field_required', message: REQUIRED }))) : null;
}

function draftOf(v: Values, atDesk: boolean): RequestDraft {
  const d: RequestDraft = {
    identityType: v.identityType,
    identityNumber: v.identityNumber.trim(),
    fullName: v.fullName.trim(),
    address: v.address.trim(),
    information: v.information.trim(),
    purpose: v.purpose.trim(),
    obtainMethod: v.obtainMethod,
    deliveryMethod: v.deliveryMethod,
    publicConsent: v.publicConsent,
  };
  const entityName = v.identityType === 'entity' ? opt(v.entityName) : undefined;
  const email = opt(v.email);
  const phone = opt(v.phone);
  const onBehalfOf = v.onBehalf ? opt(v.onBehalfOf) : undefined;
  return { ...d, ...(entityName ? { entityName } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}), ...(onBehalfOf ? { onBehalfOf } : {}), ...(atDesk ? { channel: v.channel } : {}) };
}

/** The request just sent: its number, deadlines and the secret link, which the server shows only once. */
function FiledResult({ s, onAnother }: { s: SentRequest; onAnother?: () => void }) {
  const t = useT(m);
  const { lang } = useLang();
  const link = new URL(s.secretLink, location.origin).href;
  return (
    <section className="card ppid-done" aria-labelledby={`done-${s.id}`}>
      <h2 id={`done-${s.id}`}>{t('doneTitle')}</h2>
      <dl>
        <dt>{t('regNumber')}</dt>
        <dd className="ppid-number">{s.registrationNumber}</dd>
        <dt>{t('verifyBy')}</dt>
        <dd>{formatDate(s.verifyDueAt, lang)}</dd>
        <dt>{t('answerBy')}</dt>
        <dd>{formatDate(s.answerDueAt, lang)}</dd>
      </dl>
      <p className="alert alert-info">{t('keepWarning')}</p>
      {s.powerOfAttorneyFailed ? <p className="alert alert-error" role="alert">{t('poaFailed')}</p> : null}
      <CopyField label={t('secretLink')} value={link} />
      <div className="btn-row">
        <a className="btn" href={s.receiptUrl} download>{t('receipt')}</a>
        <Link className="btn" to={s.secretLink}>{t('openRequest')}</Link>
        {onAnother ? <button type="button" className="btn btn-primary" onClick={onAnother}>{t('another')}</button> : null}
      </div>
    </section>
  );
}

/** The request form, for anyone; PPID desks also record walk-in, phone, letter and email requests. */
export default function FileRequest() {
  const t = useT(m);
  const { lang } = useLang();
  const { user } = useSession();
  const atDesk = !!user && (DESK_ROLES as readonly string[]).includes(user.role);
  const [v, setV] = useState<Values>(blank);
  const [poa, setPoa] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<{ sent: SentRequest } | { queued: true } | null>(null);
  const outbox = useRequestOutbox();
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((prev) => ({ ...prev, [k]: value }));

  // A citizen's own details fill the form (they may still change them).
  useEffect(() => {
    if (user?.role !== 'citizen') return;
    setV((prev) => ({
      ...prev,
      fullName: prev.fullName || user.fullName,
      email: prev.email || (user.email ?? ''),
      phone: prev.phone || (user.phone ?? ''),
      identityNumber: prev.identityNumber || (prev.identityType === 'nik' ? (user.nik ?? '') : ''),
    }));
  }, [user]);

  const { busy, error, submit } = useSubmit(
    () => {
      const empty = emptyFields(v);
      if (empty) return Promise.reject(empty);
      return submitRequest(draftOf(v, atDesk), v.onBehalf ? poa : null);
    },
    (r) => {
      setOutcome(r.sent ? { sent: r.result } : { queued: true });
      window.scrollTo(0, 0);
    },
  );
  const err = (f: string) => fieldError(error, f);
  // A refused form takes the person to its first wrong field (on a phone the button is far below it).
  useEffect(() => {
    if (error) document.querySelector<HTMLElement>('.ppid-form [aria-invalid="true"]')?.focus();
  }, [error]);
  const restart = () => {
    setV(blank);
    setPoa(null);
    setOutcome(null);
  };

  const justSent = outcome && 'sent' in outcome ? outcome.sent : null;
  // A request queued here and sent later shows its answer in the same place.
  const others = outbox.sent.filter((s) => s.id !== justSent?.id);
  const numberLabel = v.identityType === 'nik' ? t('nikNumber') : v.identityType === 'passport' ? t('passportNumber') : t('entityNumber');
  return (
    <Page title={t('fileTitle')}>
      {justSent ? <FiledResult s={justSent} onAnother={restart} /> : null}
      {outcome && 'queued' in outcome && outbox.waiting.length ? <p className="alert alert-info" role="status">{t('queued')}</p> : null}
      {outbox.waiting.length ? (
        <section aria-labelledby="ppid-waiting">
          <h2 id="ppid-waiting">{t('waitingTitle')}</h2>
          <ul className="card-list">
            {outbox.waiting.map((q) => (
              <li key={q.id} className="card">
                <p>{t('waitingItem', { date: formatDateTime(q.createdAt, lang), text: q.draft.information.slice(0, 120) })}</p>
                {q.state === 'failed' ? (
                  <>
                    <p className="field-error">{t('refused')} {q.error?.[lang]}</p>
                    <button type="button" className="btn" onClick={() => void discardQueued(q.id)}>{t('discard')}</button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {others.length ? (
        <section aria-labelledby="ppid-sent">
          <h2 id="ppid-sent">{t('sentTitle')}</h2>
          {others.map((s) => (
            <div key={s.id}>
              <FiledResult s={s} />
              <div className="btn-row">
                <button type="button" className="btn btn-ghost" onClick={() => forgetSent(s.id)}>{t('forget')} ({s.registrationNumber})</button>
              </div>
            </div>
          ))}
        </section>
      ) : null}
      {outcome ? null : (
        <form className="ppid-form" onSubmit={(e) => void submit(e)} noValidate>
          <p className="lead">{atDesk ? t('deskLead') : t('fileLead')}</p>
          {atDesk ? (
            <SelectField label={t('channel')} value={v.channel} onChange={(e) => set('channel', e.target.value as Values['channel'])} error={err('channel')}>
              {DESK_CHANNELS.map((c) => <option key={c} value={c}>{label(CHANNEL, c, lang)}</option>)}
            </SelectField>
          ) : null}
          <fieldset>
            <legend>{t('identityLegend')}</legend>
            <SelectField label={t('identityType')} value={v.identityType} onChange={(e) => set('identityType', e.target.value as Values['identityType'])} error={err('identityType')}>
              {IDENTITY_TYPES.map((c) => <option key={c} value={c}>{label(IDENTITY, c, lang)}</option>)}
            </SelectField>
            {v.identityType === 'entity' ? (
              <TextField label={t('entityName')} required value={v.entityName} onChange={(e) => set('entityName', e.target.value)} error={err('entityName')} />
            ) : null}
            <TextField
              label={numberLabel}
              hint={v.identityType === 'nik' ? t('nikHint') : t('identityNote')}
              required
              autoComplete="off"
              inputMode={v.identityType === 'nik' ? 'numeric' : 'text'}
              value={v.identityNumber}
              onChange={(e) => set('identityNumber', e.target.value)}
              error={err('identityNumber')}
            />
            <TextField label={v.identityType === 'entity' ? t('representative') : t('fullName')} required autoComplete="name" value={v.fullName} onChange={(e) => set('fullName', e.target.value)} error={err('fullName')} />
            <TextArea label={t('address')} required rows={2} autoComplete="street-address" value={v.address} onChange={(e) => set('address', e.target.value)} error={err('address')} />
            <TextField label={t('email')} type="email" autoComplete="email" hint={t('contactHint')} value={v.email} onChange={(e) => set('email', e.target.value)} error={err('email')} />
            <TextField label={t('phone')} type="tel" autoComplete="tel" value={v.phone} onChange={(e) => set('phone', e.target.value)} error={err('phone')} />
            <Checkbox label={t('onBehalf')} checked={v.onBehalf} onChange={(e) => set('onBehalf', e.target.checked)} />
            {v.onBehalf ? (
              <>
                <TextField label={t('onBehalfOf')} required value={v.onBehalfOf} onChange={(e) => set('onBehalfOf', e.target.value)} error={err('onBehalfOf')} />
                <TextField label={t('poa')} hint={t('poaHint')} type="file" accept="application/pdf,image/jpeg,image/png,image/webp" onChange={(e) => setPoa(e.target.files?.[0] ?? null)} error={err('file')} />
              </>
            ) : null}
          </fieldset>
          <fieldset>
            <legend>{t('infoLegend')}</legend>
            <TextArea label={t('information')} hint={t('informationHint')} required rows={5} value={v.information} onChange={(e) => set('information', e.target.value)} error={err('information')} />
            <CatalogueSuggestions text={v.information} />
            <TextArea label={t('purpose')} hint={t('purposeHint')} required rows={3} value={v.purpose} onChange={(e) => set('purpose', e.target.value)} error={err('purpose')} />
          </fieldset>
          <fieldset>
            <legend>{t('howLegend')}</legend>
            <SelectField label={t('obtain')} value={v.obtainMethod} onChange={(e) => set('obtainMethod', e.target.value as Values['obtainMethod'])} error={err('obtainMethod')}>
              {OBTAIN_METHODS.map((c) => <option key={c} value={c}>{label(OBTAIN, c, lang)}</option>)}
            </SelectField>
            <SelectField label={t('delivery')} value={v.deliveryMethod} onChange={(e) => set('deliveryMethod', e.target.value as Values['deliveryMethod'])} error={err('deliveryMethod')}>
              {DELIVERY_METHODS.map((c) => <option key={c} value={c}>{label(DELIVERY, c, lang)}</option>)}
            </SelectField>
            <Checkbox label={t('consent')} hint={t('consentHint')} checked={v.publicConsent} onChange={(e) => set('publicConsent', e.target.checked)} />
          </fieldset>
          <FormError error={error} shownFields={FIELDS} />
          <div className="btn-row">
            <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t('sending') : t('submit')}</button>
          </div>
        </form>
      )}
    </Page>
  );
}
