import { useState } from 'react';
import { api, query } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { fieldError, FormError, SelectField, TextField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { useSubmit } from '../../lib/use-submit';
import { m, type StaffKey } from '../messages';
import type { Officer, Opd } from '../types';
import { Table } from '../../ui/table';

/** The OPD admin's officers (the super admin picks the OPD first). */
export default function Officers() {
  const t = useT(m);
  const { user } = useSession();
  const isSuper = user?.role === 'super_admin';
  const opds = useApi<Opd[]>(isSuper ? '/opds' : null);
  const [opd, setOpd] = useState('');
  const scope = isSuper ? (opd ? query({ opd }) : null) : '';
  const list = useApi<Officer[]>(scope === null ? null : `/officers${scope}`);
  const [form, setForm] = useState({ fullName: '', email: '' });
  const [added, setAdded] = useState<{ name: string; password: string } | null>(null);
  const add = useSubmit(
    () => api<{ officer: Officer; temporaryPassword: string }>('POST', `/officers${scope ?? ''}`, { body: form }),
    (res) => {
      setAdded({ name: res.officer.fullName, password: res.temporaryPassword });
      setForm({ fullName: '', email: '' });
      list.reload();
    },
  );
  const [toggleError, setToggleError] = useState<unknown>();
  const toggle = async (o: Officer) => {
    setToggleError(undefined);
    try {
      await api('POST', `/officers/${o.id}/${o.active ? 'deactivate' : 'reactivate'}`);
      list.reload();
    } catch (err) {
      setToggleError(err);
    }
  };

  return (
    <Page title={t('officersTitle')}>
      {isSuper ? (
        <SelectField label={t('opdPick')} value={opd} onChange={(e) => setOpd(e.target.value)}>
          <option value="">{t('choose')}</option>
          {(opds.data ?? []).map((o) => (
            <option key={o.code} value={o.code}>
              {o.shortName}
            </option>
          ))}
        </SelectField>
      ) : null}
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {list.loading ? <Loading /> : null}
      <FormError error={toggleError} />
      {list.data ? (
        <Table columns={[t('officerName'), t('officerEmail'), t('officerRole'), t('officerState'), { label: <span className="visually-hidden">{t('actions')}</span> }]}>
          {list.data.map((o) => (
            <tr key={o.id}>
              <td>{o.fullName}</td>
              <td>{o.email}</td>
              <td>{t(`role_${o.role}` as StaffKey)}</td>
              <td>
                <span className={`badge ${o.active ? 'badge-ok' : 'badge-neutral'}`}>{t(o.active ? 'active' : 'inactive')}</span>
              </td>
              <td>
                {o.id !== user?.id && (isSuper || o.role === 'opd_officer') ? (
                  <button type="button" className={`btn${o.active ? ' btn-danger' : ''}`} onClick={() => void toggle(o)}>
                    {t(o.active ? 'deactivate' : 'reactivate', { name: o.fullName })}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      ) : null}

      {scope !== null ? (
        <>
          <h2>{t('officerAdd')}</h2>
          {added ? (
            <div className="alert alert-success" role="status">
              {t('officerAdded', { name: added.name })}
              <code className="staff-password">{added.password}</code>
            </div>
          ) : null}
          <form onSubmit={(e) => void add.submit(e)} noValidate>
            <TextField label={t('officerName')} value={form.fullName} onChange={(e) => setForm({ ...form, fullName: e.target.value })} required autoComplete="off" error={fieldError(add.error, 'fullName')} />
            <TextField label={t('officerEmail')} type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} required autoComplete="off" error={fieldError(add.error, 'email')} />
            <FormError error={add.error} shownFields={['fullName', 'email']} />
            <button type="submit" className="btn btn-primary" disabled={add.busy}>
              {t('officerAdd')}
            </button>
          </form>
        </>
      ) : null}
    </Page>
  );
}
