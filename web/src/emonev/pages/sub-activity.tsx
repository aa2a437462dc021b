import { useState } from 'react';
import { api } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { fieldError, FormError, SelectField, SubmitRow, TextArea, TextField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { Table } from '../../ui/table';
import { m, STATUS } from '../messages';
import { monthName, pct, rp } from '../format';
import { LocationButton, uploadPhotos, type Point } from '../location';
import { REPORT_ROLES, WRITE_ROLES, type Report, type SubActivityDetail } from '../types';

/** One sub-activity: its plan and reports month by month, a new month's report, the complaints it answers. */
export default function SubActivityPage({ params }: { params: Record<string, string> }) {
  const t = useT(m);
  const { lang } = useLang();
  const { user } = useSession();
  const s = useApi<SubActivityDetail>(`/emonev/sub-activities/${params.id}`);
  if (s.error) return <Page title={t('subActivity')}><LoadError error={s.error} retry={s.reload} /></Page>;
  if (!s.data) return <Page title={t('subActivity')}><Loading /></Page>;
  const d = s.data;
  const byMonth = new Map(d.reports.map((r) => [r.month, r]));
  return (
    <Page title={d.name}>
      <dl className="review">
        <div><dt>{t('opd')}</dt><dd>{d.opd.name}</dd></div>
        <div><dt>{t('programme')}</dt><dd>{`${d.programme.code} ${d.programme.name}`}</dd></div>
        <div><dt>{t('activity')}</dt><dd>{`${d.activity.code} ${d.activity.name}`}</dd></div>
        <div><dt>{t('subActivity')}</dt><dd>{d.code}</dd></div>
        <div><dt>{t('output')}</dt><dd>{d.output}</dd></div>
        <div><dt>{t('budget')}</dt><dd>{rp(d.budget, lang)}</dd></div>
      </dl>
      <h2>{t('monthly')}</h2>
      <Table stack columns={[t('month'), { label: `${t('physical')} (${t('plan')})`, num: true }, { label: `${t('financial')} (${t('plan')})`, num: true }, t('status')]}>
        {d.plan.physical.map((p, i) => {
          const r = byMonth.get(i + 1);
          return (
            <tr key={i}>
              {[
                <th key="m" scope="row">{monthName(i + 1, lang)}</th>,
                <td key="p" className="num">{pct(p, lang)}</td>,
                <td key="f" className="num">{rp(d.plan.financial[i]!, lang)}</td>,
                <td key="s">
                  {r ? <Link to={`/emonev/laporan/${r.id}`}>{STATUS[r.status][lang]}</Link> : d.lateMonths.includes(i + 1) ? <span className="badge badge-late">{t('late', { months: monthName(i + 1, lang) })}</span> : '—'}
                </td>,
              ]}
            </tr>
          );
        })}
      </Table>
      {user && REPORT_ROLES.includes(user.role) ? <NewReport sub={d} /> : null}
      <Complaints sub={d} canEdit={!!user && WRITE_ROLES.includes(user.role)} reload={s.reload} />
    </Page>
  );
}

/** Months of the sub-activity's year that have begun and have no report yet. */
function openMonths(d: SubActivityDetail): number[] {
  const now = new Date(Date.now() + 7 * 3600_000);
  const last = d.year < now.getUTCFullYear() ? 12 : d.year > now.getUTCFullYear() ? 0 : now.getUTCMonth() + 1;
  const taken = new Set(d.reports.map((r) => r.month));
  return Array.from({ length: last }, (_, i) => i + 1).filter((x) => !taken.has(x));
}

function NewReport({ sub }: { sub: SubActivityDetail }) {
  const t = useT(m);
  const { lang } = useLang();
  const months = openMonths(sub);
  const [month, setMonth] = useState(String(months.at(-1) ?? ''));
  const [physicalPct, setPhysical] = useState('');
  const [financialRp, setFinancial] = useState('');
  const [notes, setNotes] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [location, setLocation] = useState<Point | null>(null);
  const { busy, error, submit } = useSubmit(async () => {
    const photoIds = await uploadPhotos(photos);
    const r = await api<Report>('POST', `/emonev/sub-activities/${sub.id}/reports`, {
      body: { month: Number(month), physicalPct: Number(physicalPct), financialRp: Number(financialRp), notes, ...(photoIds.length ? { photoIds } : {}), ...(location ? { location } : {}) },
    });
    navigate(`/emonev/laporan/${r.id}`);
  });
  if (!months.length) return null;
  const err = (f: string) => fieldError(error, f);
  return (
    <form onSubmit={submit} aria-labelledby="new-report">
      <h2 id="new-report">{t('newReport')}</h2>
      <FormError error={error} shownFields={['month', 'physicalPct', 'financialRp', 'notes']} />
      <SelectField label={t('month')} required value={month} onChange={(e) => setMonth(e.target.value)} error={err('month')}>
        {months.map((x) => <option key={x} value={x}>{monthName(x, lang)}</option>)}
      </SelectField>
      <TextField label={t('physicalPct')} required type="number" inputMode="decimal" min={0} max={100} step={0.01} value={physicalPct} onChange={(e) => setPhysical(e.target.value)} error={err('physicalPct')} />
      <TextField label={t('financialRp')} required type="number" inputMode="numeric" min={0} step={1} value={financialRp} onChange={(e) => setFinancial(e.target.value)} error={err('financialRp')} />
      <TextArea label={t('notes')} value={notes} maxLength={4000} onChange={(e) => setNotes(e.target.value)} error={err('notes')} />
      <TextField label={t('photos')} type="file" accept="image/jpeg,image/png,image/webp" multiple onChange={(e) => setPhotos([...(e.target.files ?? [])])} error={err('photoIds')} />
      <LocationButton value={location} onChange={setLocation} />
      <SubmitRow label={t('saveDraft')} busy={busy} />
    </form>
  );
}

function Complaints({ sub, canEdit, reload }: { sub: SubActivityDetail; canEdit: boolean; reload: () => void }) {
  const t = useT(m);
  const [text, setText] = useState('');
  const trackingNumbers = text.split(/[\s,;]+/).map((x) => x.trim().toUpperCase()).filter(Boolean);
  const link = useSubmit(() => api('POST', `/emonev/sub-activities/${sub.id}/complaints`, { body: { trackingNumbers: [...new Set(trackingNumbers)] } }), () => {
    setText('');
    reload();
  });
  const [unlinkError, setUnlinkError] = useState<unknown>(undefined);
  const remove = (tn: string) =>
    api('DELETE', `/emonev/sub-activities/${sub.id}/complaints/${tn}`).then(() => {
      setUnlinkError(undefined);
      reload();
    }, setUnlinkError);
  return (
    <section aria-labelledby="complaints">
      <h2 id="complaints">{t('complaints')}</h2>
      <FormError error={unlinkError} />
      {!sub.linkedComplaints.length ? <p>{t('noComplaints')}</p> : (
        <ul>
          {sub.linkedComplaints.map((c) => (
            <li key={c.trackingNumber}>
              <Link to={`/laporan/${c.trackingNumber}`}>{c.trackingNumber}</Link>{' '}
              {canEdit ? <button type="button" className="btn" onClick={() => void remove(c.trackingNumber)} aria-label={`${t('unlink')} ${c.trackingNumber}`}>{t('unlink')}</button> : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form onSubmit={link.submit}>
          <FormError error={link.error} />
          <TextArea label={t('linkLabel')} required rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          <SubmitRow label={t('link')} tone="plain" busy={link.busy} />
        </form>
      ) : null}
    </section>
  );
}
