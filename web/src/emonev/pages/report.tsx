import { useState } from 'react';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { fieldError, FormError, SubmitRow, TextArea, TextField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { ACTION, m, STATUS } from '../messages';
import { monthName, pct, rp } from '../format';
import { LocationButton, uploadPhotos, type Point } from '../location';
import type { Report } from '../types';

/** A month's realisation report: its figures against the plan, evidence, history, and what the caller may do next. */
export default function ReportPage({ params }: { params: Record<string, string> }) {
  const t = useT(m);
  const { lang } = useLang();
  const r = useApi<Report>(`/emonev/reports/${params.id}`);
  if (r.error) return <Page title={t('realisation')}><LoadError error={r.error} retry={r.reload} /></Page>;
  if (!r.data) return <Page title={t('realisation')}><Loading /></Page>;
  const d = r.data;
  return (
    <Page title={t('reportTitle', { month: monthName(d.month, lang), year: d.subActivity.year })}>
      <p className="report-meta">
        <span className={`badge ${d.status === 'accepted' ? 'badge-ok' : d.status === 'returned' ? 'badge-late' : 'badge-neutral'}`}>{STATUS[d.status][lang]}</span>{' '}
        <Link to={`/emonev/kegiatan/${d.subActivity.id}`}>{d.subActivity.name}</Link> · {d.subActivity.opd.name}
      </p>
      {d.returnReason && d.status === 'returned' ? <p className="alert alert-error" role="status"><strong>{t('returnReason')}:</strong> {d.returnReason}</p> : null}
      <dl className="review">
        <div><dt>{`${t('physical')} (${t('realisation')} / ${t('plan')})`}</dt><dd>{`${pct(d.physicalPct, lang)} / ${pct(d.planPhysicalPct, lang)}`}</dd></div>
        <div><dt>{t('deviation')}</dt><dd>{`${d.physicalDeviation > 0 ? '+' : ''}${pct(d.physicalDeviation, lang)}`}{d.lagging ? <> <span className="badge badge-warn">{t('lagging')}</span></> : null}</dd></div>
        <div><dt>{`${t('financial')} (${t('realisation')} / ${t('plan')})`}</dt><dd>{`${rp(d.financialRp, lang)} / ${rp(d.planFinancialRp, lang)}`}</dd></div>
        <div><dt>{t('budget')}</dt><dd>{rp(d.subActivity.budget, lang)}</dd></div>
        <div><dt>{t('due')}</dt><dd>{formatDateTime(d.dueAt, lang)}{d.submittedLate ? <> <span className="badge badge-late">{t('submittedLate')}</span></> : null}</dd></div>
        {d.notes ? <div><dt>{t('notes')}</dt><dd className="prewrap">{d.notes}</dd></div> : null}
        {d.location ? <div><dt>{t('locationSet', { lat: d.location.lat, lng: d.location.lng })}</dt><dd><a href={`https://www.openstreetmap.org/?mlat=${d.location.lat}&mlon=${d.location.lng}#map=17/${d.location.lat}/${d.location.lng}`}>OpenStreetMap</a></dd></div> : null}
      </dl>
      {d.photos.length ? (
        <ul className="photo-list">
          {d.photos.map((p, i) => <li key={p.id}><img src={p.url} alt={t('photoAlt', { n: i + 1 })} width={p.width} height={p.height} loading="lazy" /></li>)}
        </ul>
      ) : null}
      <Actions report={d} onDone={r.reload} />
      <h2>{t('timeline')}</h2>
      <ol className="timeline">
        {d.timeline.map((e, i) => (
          <li key={i}>
            <p><strong>{(ACTION as Record<string, { id: string; en: string }>)[e.action]?.[lang] ?? e.action}</strong>{e.actorName ? ` — ${e.actorName}` : ''}<br /><span className="hint">{formatDateTime(e.at, lang)}</span></p>
            {e.note ? <p className="prewrap">{e.note}</p> : null}
          </li>
        ))}
      </ol>
    </Page>
  );
}

function Actions({ report, onDone }: { report: Report; onDone: () => void }) {
  const t = useT(m);
  const [note, setNote] = useState('');
  const step = (action: string) => api('POST', `/emonev/reports/${report.id}/${action}`, { body: action === 'return' ? { note } : {} });
  const forward = useSubmit(() => step(report.actions.find((a) => a === 'submit' || a === 'resubmit') ?? 'submit'), onDone);
  const accept = useSubmit(() => step('accept'), onDone);
  const back = useSubmit(() => step('return'), onDone);
  const can = (a: string) => report.actions.includes(a);
  return (
    <>
      {can('edit') ? <EditForm report={report} onDone={onDone} /> : null}
      {can('submit') || can('resubmit') ? (
        <form onSubmit={forward.submit}>
          <FormError error={forward.error} />
          <SubmitRow label={t(can('submit') ? 'submit' : 'resubmit')} busy={forward.busy} />
        </form>
      ) : null}
      {can('accept') ? (
        <form onSubmit={accept.submit}>
          <FormError error={accept.error} />
          <SubmitRow label={t('accept')} busy={accept.busy} />
        </form>
      ) : null}
      {can('return') ? (
        <form onSubmit={back.submit}>
          <FormError error={back.error} shownFields={['note']} />
          <TextArea label={t('returnNote')} required value={note} maxLength={4000} onChange={(e) => setNote(e.target.value)} error={fieldError(back.error, 'note')} />
          <SubmitRow label={t('return')} tone="danger" busy={back.busy} />
        </form>
      ) : null}
    </>
  );
}

function EditForm({ report, onDone }: { report: Report; onDone: () => void }) {
  const t = useT(m);
  const [physicalPct, setPhysical] = useState(String(report.physicalPct));
  const [financialRp, setFinancial] = useState(String(report.financialRp));
  const [notes, setNotes] = useState(report.notes);
  const [photos, setPhotos] = useState<File[]>([]);
  const [location, setLocation] = useState<Point | null>(report.location);
  const { busy, error, submit } = useSubmit(async () => {
    const photoIds = await uploadPhotos(photos);
    await api('PATCH', `/emonev/reports/${report.id}`, { body: { physicalPct: Number(physicalPct), financialRp: Number(financialRp), notes, ...(photoIds.length ? { photoIds } : {}), ...(location ? { location } : {}) } });
    setPhotos([]);
  }, onDone);
  const err = (f: string) => fieldError(error, f);
  return (
    <details open={report.status === 'returned'}>
      <summary>{t('edit')}</summary>
      <form onSubmit={submit}>
        <FormError error={error} shownFields={['physicalPct', 'financialRp', 'notes']} />
        <TextField label={t('physicalPct')} required type="number" inputMode="decimal" min={0} max={100} step={0.01} value={physicalPct} onChange={(e) => setPhysical(e.target.value)} error={err('physicalPct')} />
        <TextField label={t('financialRp')} required type="number" inputMode="numeric" min={0} step={1} value={financialRp} onChange={(e) => setFinancial(e.target.value)} error={err('financialRp')} />
        <TextArea label={t('notes')} value={notes} maxLength={4000} onChange={(e) => setNotes(e.target.value)} error={err('notes')} />
        <TextField label={t('photos')} type="file" accept="image/jpeg,image/png,image/webp" multiple onChange={(e) => setPhotos([...(e.target.files ?? [])])} error={err('photoIds')} />
        <LocationButton value={location} onChange={setLocation} />
        <SubmitRow label={t('save')} tone="plain" busy={busy} />
      </form>
    </details>
  );
}
