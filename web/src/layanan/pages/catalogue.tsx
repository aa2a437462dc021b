import { useState } from 'react';
import { query } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';
import { Link, navigate, useLocation, useSearchParams } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { SelectField, TextField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { rupiah } from '../common';
import { m } from '../messages';
import type { Audience, ServiceSummary } from '../types';

const AUDIENCES: Audience[] = ['citizens', 'businesses', 'opd'];

/** The catalogue: every published service with its time and fee, searchable, before anyone logs in. */
export default function Catalogue() {
  const t = useT(m);
  const { lang } = useLang();
  const { user } = useSession();
  const { path } = useLocation();
  const params = useSearchParams();
  const q = params.get('q') ?? '';
  const audience = params.get('untuk') ?? '';
  const [text, setText] = useState(q);
  const list = useApi<{ items: ServiceSummary[]; total: number }>(`/layanan/services${query({ q, audience, limit: 100 })}`);
  const go = (next: { q?: string; untuk?: string }) => navigate(`${path}${query({ q, untuk: audience, ...next })}`, { replace: true });
  return (
    <Page title={t('catalogueTitle')} actions={user ? <Link className="btn" to="/layanan/saya">{t('mine')}</Link> : null}>
      <p>{t('catalogueLead')}</p>
      <form role="search" className="layanan-inline" onSubmit={(e) => { e.preventDefault(); go({ q: text }); }}>
        <TextField label={t('search')} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <SelectField label={t('audience')} value={audience} onChange={(e) => go({ untuk: e.target.value })}>
          <option value="">{t('audienceAll')}</option>
          {AUDIENCES.map((a) => <option key={a} value={a}>{t(`audience_${a}`)}</option>)}
        </SelectField>
        <div className="btn-row"><button type="submit" className="btn btn-primary">{t('searchButton')}</button></div>
      </form>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : !list.data ? <Loading /> : !list.data.items.length ? <p role="status">{t('noServices')}</p> : (
        <ul className="layanan-cards" aria-label={t('catalogueTitle')}>
          {list.data.items.map((s) => (
            <li key={s.code} className="layanan-card">
              <h2><Link to={`/layanan/${s.code}`}>{s.name[lang]}</Link></h2>
              <ul className="layanan-facts">
                <li>{s.opd.name}</li>
                <li>{t('days', { n: s.standardDays })}</li>
                <li>{s.feeRupiah ? rupiah(s.feeRupiah, lang) : t('free')}</li>
                <li>{t(`audience_${s.audience}`)}</li>
              </ul>
              <p className="hint">{s.description[lang]}</p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
