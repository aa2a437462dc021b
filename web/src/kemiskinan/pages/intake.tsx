import { useMemo, useState } from 'react';
import { api } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { fieldError, FormError, SelectField, TextArea, TextField } from '../../ui/forms';
import { LoadError, Page } from '../../ui/page';
import { newKey } from '../common';
import { m } from '../messages';
import type { Detail, NeedCategory, Scope } from '../types';
import { KelurahanOptions } from '../../ui/kelurahan-options';

type Member = { nik: string; name: string; relation: 'kepala' | 'istri_suami' | 'anak' | 'lainnya' };
type Regions = { code: string; name: string; kelurahan: { code: string; name: string }[] }[];

/** A citizen files for their own household; an operator or volunteer on a household's behalf. */
export default function Intake() {
  const t = useT(m);
  const { lang } = useLang();
  const { user } = useSession();
  const regions = useApi<Regions>('/regions');
  const scope = useApi<Scope>('/kemiskinan/me');
  const needs = useApi<NeedCategory[]>('/kemiskinan/needs');
  const key = useMemo(newKey, []);
  const [kk, setKk] = useState('');
  const [address, setAddress] = useState('');
  const [kelurahan, setKelurahan] = useState('');
  const [rt, setRt] = useState('');
  const [rw, setRw] = useState('');
  const [members, setMembers] = useState<Member[]>([{ nik: user?.role === 'citizen' ? (user.nik ?? '') : '', name: user?.role === 'citizen' ? user.fullName : '', relation: 'kepala' }]);
  const [category, setCategory] = useState('sosial_ekonomi');
  const [need, setNeed] = useState('bpnt_sembako');
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const fixedKelurahan = scope.data?.role === 'kelurahan_operator' ? scope.data.kelurahanCode : null;
  const onBehalf = user?.role === 'kelurahan_operator' || user?.role === 'volunteer';
  const categoryOf = (code: string) => needs.data?.find((c) => c.code === code);
  const chosen = categoryOf(category);
  const setMember = (i: number, patch: Partial<Member>) => setMembers(members.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  const { busy, error, submit } = useSubmit(
    async () => {
      const photoIds: string[] = [];
      for (const file of photos) {
        const form = new FormData();
        form.append('photo', file, file.name);
        photoIds.push((await api<{ id: string }>('POST', '/uploads', { form })).id);
      }
      const filed = await api<Detail>('POST', '/kemiskinan/complaints', {
        headers: { 'Idempotency-Key': key },
        body: {
          household: { kk, address, kelurahanCode: fixedKelurahan ?? kelurahan, rt, rw, members },
          needCategory: category,
          needType: need,
          description,
          ...(photoIds.length ? { photoIds } : {}),
        },
      });
      navigate(`/kemiskinan/pengaduan/${filed.trackingNumber}`);
    },
  );
  const err = (f: string) => fieldError(error, f);
  return (
    <Page title={t('intakeTitle')}>
      {onBehalf ? <p className="alert alert-info">{t('intakeOnBehalf', { role: user?.role === 'volunteer' ? 'relawan' : 'operator kelurahan' })}</p> : null}
      {/* Without the lists of needs and kelurahan, or the filer's own scope, the form's choices would be wrong or empty: say why. */}
      {needs.error || regions.error || scope.error ? (
        <LoadError
          error={needs.error ?? regions.error ?? scope.error}
          retry={() => {
            if (needs.error) needs.reload();
            if (regions.error) regions.reload();
            if (scope.error) scope.reload();
          }}
        />
      ) : null}
      <form className="kms-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>{t('household')}</legend>
          <TextField label={t('kk')} hint={t('kkHint')} inputMode="numeric" autoComplete="off" required value={kk} onChange={(e) => setKk(e.target.value)} error={err('household.kk')} />
          <TextField label={t('address')} required value={address} onChange={(e) => setAddress(e.target.value)} error={err('household.address')} />
          {fixedKelurahan ? (
            <p>{t('kelurahan')}: <strong>{scope.data?.kelurahanName}</strong></p>
          ) : (
            <SelectField label={t('kelurahan')} required value={kelurahan} onChange={(e) => setKelurahan(e.target.value)} error={err('household.kelurahanCode')}>
              <option value="">{t('chooseKelurahan')}</option>
              <KelurahanOptions regions={regions.data ?? []} />
            </SelectField>
          )}
          <div className="grid-2">
            <TextField label={t('rt')} inputMode="numeric" required value={rt} onChange={(e) => setRt(e.target.value)} error={err('household.rt')} />
            <TextField label={t('rw')} inputMode="numeric" required value={rw} onChange={(e) => setRw(e.target.value)} error={err('household.rw')} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('members')}</legend>
          {fieldError(error, 'household.members') ? <p className="field-error" role="alert">{fieldError(error, 'household.members')![lang]}</p> : null}
          {members.map((mb, i) => (
            <div className="kms-member" key={i}>
              <TextField label={t('memberName', { n: i + 1 })} required value={mb.name} onChange={(e) => setMember(i, { name: e.target.value })} error={err(`household.members.${i}.name`)} />
              <TextField label={t('memberNik', { n: i + 1 })} inputMode="numeric" autoComplete="off" required value={mb.nik} onChange={(e) => setMember(i, { nik: e.target.value })} error={err(`household.members.${i}.nik`)} />
              <SelectField label={t('memberRelation', { n: i + 1 })} value={mb.relation} onChange={(e) => setMember(i, { relation: e.target.value as Member['relation'] })}>
                {(['kepala', 'istri_suami', 'anak', 'lainnya'] as const).map((r) => <option key={r} value={r}>{t(r)}</option>)}
              </SelectField>
              {members.length > 1 ? <button type="button" className="btn btn-ghost" onClick={() => setMembers(members.filter((_, j) => j !== i))}>{t('removeMember', { n: i + 1 })}</button> : null}
            </div>
          ))}
          <button type="button" className="btn" onClick={() => setMembers([...members, { nik: '', name: '', relation: 'anak' }])}>{t('addMember')}</button>
        </fieldset>
        <fieldset>
          <legend>{t('needHeading')}</legend>
          <SelectField label={t('needCategory')} value={category} onChange={(e) => { setCategory(e.target.value); setNeed(categoryOf(e.target.value)?.types[0]?.code ?? ''); }} error={err('needCategory')}>
            {needs.data?.map((c) => <option key={c.code} value={c.code}>{c.label[lang]}</option>)}
          </SelectField>
          <SelectField label={t('needType')} value={need} onChange={(e) => setNeed(e.target.value)} error={err('needType')}>
            {chosen?.types.map((n) => <option key={n.code} value={n.code}>{n.label[lang]}</option>)}
          </SelectField>
          {chosen?.urgent ? <p className="alert alert-info">{t('urgentNote')}</p> : null}
          <TextArea label={t('description')} required rows={5} value={description} onChange={(e) => setDescription(e.target.value)} error={err('description')} />
          <TextField label={t('photos')} type="file" accept="image/jpeg,image/png,image/webp" multiple onChange={(e) => setPhotos(Array.from(e.target.files ?? []).slice(0, 5))} error={err('photoIds') ?? err('photo')} />
        </fieldset>
        <FormError error={error} shownFields={['household.kk', 'household.address', 'household.kelurahanCode', 'household.rt', 'household.rw', 'household.members', ...members.flatMap((_, i) => [`household.members.${i}.nik`, `household.members.${i}.name`]), 'needCategory', 'needType', 'description', 'photoIds', 'photo']} />
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t('sending') : t('submit')}</button>
      </form>
    </Page>
  );
}
