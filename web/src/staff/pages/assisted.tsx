import { useMemo, useState } from 'react';
import { api } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { Checkbox, fieldError, FormError, SelectField, TextArea, TextField } from '../../ui/forms';
import { KelurahanOptions } from '../../ui/kelurahan-options';
import { LoadError, Page } from '../../ui/page';
import type { Kecamatan } from '../../citizen/types';
import { m } from '../messages';
import type { Category } from '../types';

interface Filed {
  trackingNumber: string;
  residentReached: 'account' | 'whatsapp' | 'sms' | 'email' | 'none';
}

const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);
const SHOWN = ['resident.name', 'resident.phone', 'resident.email', 'categoryCode', 'title', 'description', 'kelurahanCode', 'address', 'photoIds'];

/** An officer or volunteer files a resident's report (assisted intake); a fresh form after each. */
export default function AssistedPage() {
  const [round, setRound] = useState(0);
  return <AssistedForm key={round} onAnother={() => setRound((r) => r + 1)} />;
}

function AssistedForm({ onAnother }: { onAnother: () => void }) {
  const t = useT(m);
  const { lang } = useLang();
  const categories = useApi<Category[]>('/categories');
  const regions = useApi<Kecamatan[]>('/regions');
  // One key per form: a retry after a lost answer is the same filing, never a second one.
  const key = useMemo(newKey, []);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [categoryCode, setCategoryCode] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [kelurahanCode, setKelurahanCode] = useState('');
  const [address, setAddress] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [anonymous, setAnonymous] = useState(false);
  const [filed, setFiled] = useState<Filed | null>(null);

  const khidmat = (categories.data ?? []).filter((c) => c.parentCode === null);
  const { busy, error, submit } = useSubmit(async () => {
    const kecamatan = regions.data?.find((k) => k.kelurahan.some((l) => l.code === kelurahanCode));
    const kel = kecamatan?.kelurahan.find((l) => l.code === kelurahanCode);
    const photoIds: string[] = [];
    for (const file of photos) {
      const form = new FormData();
      form.append('photo', file, file.name);
      photoIds.push((await api<{ id: string }>('POST', '/uploads', { form })).id);
    }
    setFiled(
      await api<Filed>('POST', '/reports/assisted', {
        headers: { 'Idempotency-Key': key },
        body: {
          class: 'pengaduan',
          categoryCode,
          title: title.trim(),
          description: description.trim(),
          // The place is the kelurahan's centre; the address says where in it.
          lat: kel?.lat ?? kecamatan?.lat ?? 0,
          lng: kel?.lng ?? kecamatan?.lng ?? 0,
          ...(kelurahanCode ? { kelurahanCode } : {}),
          ...(address.trim() ? { address: address.trim() } : {}),
          ...(photoIds.length ? { photoIds } : {}),
          anonymous,
          resident: { name: name.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}), ...(email.trim() ? { email: email.trim() } : {}) },
        },
      }),
    );
  });
  const err = (f: string) => fieldError(error, f);

  if (filed) {
    return (
      <Page title={t('assistedTitle')}>
        <div className="alert alert-success" role="status">
          <p>{t('filedAssisted', { tn: filed.trackingNumber })}</p>
          <p className="tracking-number" data-testid="tracking-number">
            {filed.trackingNumber}
          </p>
          <p>{t(`reached_${filed.residentReached}`)}</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={onAnother}>
          {t('fileAnother')}
        </button>
      </Page>
    );
  }

  return (
    <Page title={t('assistedTitle')}>
      <p>{t('assistedLead')}</p>
      {categories.error || regions.error ? <LoadError error={categories.error ?? regions.error} retry={() => (categories.error ? categories.reload() : regions.reload())} /> : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>{t('resident')}</legend>
          <TextField label={t('residentName')} name="resident.name" autoComplete="off" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} error={err('resident.name')} />
          <TextField label={t('residentPhone')} name="resident.phone" hint={t('residentPhoneHint')} type="tel" inputMode="tel" autoComplete="off" maxLength={20} value={phone} onChange={(e) => setPhone(e.target.value)} error={err('resident.phone')} />
          <TextField label={t('residentEmail')} name="resident.email" type="email" autoComplete="off" maxLength={200} value={email} onChange={(e) => setEmail(e.target.value)} error={err('resident.email')} />
        </fieldset>
        <fieldset>
          <legend>{t('theReport')}</legend>
          <SelectField label={t('reportCategory')} name="categoryCode" required value={categoryCode} onChange={(e) => setCategoryCode(e.target.value)} error={err('categoryCode')}>
            <option value="">{t('chooseCategory')}</option>
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
          <TextField label={t('reportTitle')} name="title" required maxLength={150} value={title} onChange={(e) => setTitle(e.target.value)} error={err('title')} />
          <TextArea label={t('reportDescription')} name="description" required maxLength={5000} value={description} onChange={(e) => setDescription(e.target.value)} error={err('description')} />
          <SelectField label={t('reportKelurahan')} name="kelurahanCode" required value={kelurahanCode} onChange={(e) => setKelurahanCode(e.target.value)} error={err('kelurahanCode') ?? err('lat')}>
            <option value="">{t('chooseKelurahan')}</option>
            <KelurahanOptions regions={regions.data ?? []} />
          </SelectField>
          <TextField label={t('reportAddress')} name="address" maxLength={300} value={address} onChange={(e) => setAddress(e.target.value)} error={err('address')} />
          <TextField
            label={t('reportPhotos')}
            name="photo"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            onChange={(e) => setPhotos([...(e.target.files ?? [])].slice(0, 5))}
            error={err('photoIds') ?? err('photo')}
          />
          <Checkbox label={t('anonymousReport')} name="anonymous" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        </fieldset>
        <FormError error={error} shownFields={SHOWN} />
        <div className="btn-row">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('fileAssisted')}
          </button>
        </div>
      </form>
    </Page>
  );
}
