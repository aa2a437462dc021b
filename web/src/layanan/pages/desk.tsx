import { query } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { Link, navigate, useLocation, useSearchParams } from '../../lib/router';
import { usePaged } from '../../lib/use-paged';
import { TextField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { ApplicationTable } from '../common';
import { m } from '../messages';
import type { ApplicationSummary } from '../types';

/** An OPD desk's inbox: its services' applications waiting on it, by step, overdue first (the server orders them). */
export default function Desk() {
  const t = useT(m);
  const { path } = useLocation();
  const params = useSearchParams();
  const step = params.get('langkah') ?? '';
  const service = params.get('layanan') ?? '';
  const list = usePaged<ApplicationSummary>('/layanan/applications', { step, service }, 50);
  const go = (next: Record<string, string>) => navigate(`${path}${query({ langkah: step, layanan: service, ...next })}`, { replace: true });
  return (
    <Page title={t('deskTitle')} actions={<><Link className="btn" to="/layanan">{t('catalogueTitle')}</Link> <Link className="btn" to="/layanan/saya">{t('mine')}</Link></>}>
      <p>{t('deskLead')}</p>
      <form className="layanan-inline" onSubmit={(e) => e.preventDefault()}>
        <TextField label={t('filterStep')} value={step} placeholder="verifikasi" onChange={(e) => go({ langkah: e.target.value.trim() })} />
        <TextField label={t('filterService')} value={service} placeholder="sk-domisili" onChange={(e) => go({ layanan: e.target.value.trim() })} />
      </form>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : list.loading && !list.items.length ? <Loading /> : !list.items.length ? <p>{t('deskEmpty')}</p> : <ApplicationTable items={list.items} caption={t('deskTitle')} desk />}
    </Page>
  );
}
