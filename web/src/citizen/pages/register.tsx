import { useMemo, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../lib/api';
import { useT, type Message } from '../../lib/i18n';
import { Link, navigate, useSearchParams } from '../../lib/router';
import { useSession, type Me } from '../../lib/session';
import { useSubmit } from '../../lib/use-submit';
import { FormError, TextField, fieldError, SubmitRow } from '../../ui/forms';
import { Page } from '../../ui/page';
import { landingFor } from '../landing';
import { authM } from '../messages';
import { nikProblem } from '../nik';
import { useReference } from '../reference';

type Field = 'nik' | 'fullName' | 'email' | 'phone' | 'password';

/** A message in both languages, so switching language re-renders the error in place. */
const both = (key: 'required' | 'tooShort' | 'contactRequired', n = 0): Message => ({
  id: authM.id[key].replace('{n}', String(n)),
  en: authM.en[key].replace('{n}', String(n)),
});

export default function RegisterPage() {
  const t = useT(authM);
  const { setUser } = useSession();
  const lanjut = useSearchParams().get('lanjut');
  const site = useReference('site').data;
  const regions = useReference('regions').data;
  const [form, setForm] = useState<Record<Field, string>>({ nik: '', fullName: '', email: '', phone: '', password: '' });
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const { busy, error, setError, submit: send } = useSubmit(
    () => {
      const body = { nik: form.nik.replace(/\s+/g, ''), fullName: form.fullName.trim(), password: form.password, ...(form.email.trim() ? { email: form.email.trim() } : {}), ...(form.phone.trim() ? { phone: form.phone.trim() } : {}) };
      return api<{ user: Me }>('POST', '/auth/register', { body });
    },
    (res) => {
      setUser(res.user);
      navigate(landingFor(res.user.role, lanjut ?? '/lapor'), { replace: true });
    },
  );

  const nikOpts = useMemo(
    () => ({
      cityPrefix: site?.city.code.replace('.', ''),
      kecamatanCodes: regions ? new Set(regions.map((k) => k.code.slice(-2))) : undefined,
    }),
    [site, regions],
  );

  // Instant feedback mirrors the server's rules; the server's answer (below) still wins.
  const local: Partial<Record<Field, Message>> = {};
  local.nik = form.nik ? nikProblem(form.nik, nikOpts) : both('required');
  if (form.fullName.trim().length < 2) local.fullName = both('tooShort', 2);
  if (!form.email.trim() && !form.phone.trim()) local.email = both('contactRequired');
  if (form.password.length < 8) local.password = both('tooShort', 8);

  const shown = (f: Field): Message | undefined => fieldError(error, f) ?? (touched[f] ? local[f] : undefined);
  const set = (f: Field) => (e: { target: { value: string } }) => {
    setForm((s) => ({ ...s, [f]: e.target.value }));
    if (error instanceof ApiError && error.byField()[f]) setError(undefined);
  };
  const blur = (f: Field) => () => setTouched((s) => ({ ...s, [f]: true }));

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched({ nik: true, fullName: true, email: true, phone: true, password: true });
    if (Object.values(local).some(Boolean)) {
      const first = (['nik', 'fullName', 'email', 'password'] as Field[]).find((f) => local[f]);
      if (first) document.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    void send();
  }

  return (
    <Page title={t('registerTitle')}>
      <p>{t('registerLead')}</p>
      <form onSubmit={submit} noValidate>
        <TextField label={t('nik')} name="nik" inputMode="numeric" autoComplete="off" maxLength={20} value={form.nik} onChange={set('nik')} onBlur={blur('nik')} error={shown('nik')} required />
        <TextField label={t('fullName')} name="fullName" autoComplete="name" value={form.fullName} onChange={set('fullName')} onBlur={blur('fullName')} error={shown('fullName')} required />
        <TextField label={t('email')} name="email" type="email" autoComplete="email" hint={t('emailHint')} value={form.email} onChange={set('email')} onBlur={blur('email')} error={shown('email')} />
        <TextField label={t('phone')} name="phone" type="tel" autoComplete="tel" value={form.phone} onChange={set('phone')} onBlur={blur('phone')} error={shown('phone')} />
        <TextField label={t('password')} name="password" type="password" autoComplete="new-password" hint={t('passwordHint')} value={form.password} onChange={set('password')} onBlur={blur('password')} error={shown('password')} required />
        <FormError error={error} shownFields={['nik', 'fullName', 'email', 'phone', 'password']} />
        <SubmitRow label={t('register')} busy={busy} />
        <p>
          {t('haveAccount')} <Link to="/masuk">{t('login')}</Link>
        </p>
      </form>
    </Page>
  );
}
