import { useState, type FormEvent } from 'react';
import { api, query } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { Link, useSearchParams } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { fieldError, FormError, SelectField, TextArea, TextField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { newKey } from '../common';
import { m } from '../messages';
import type { Scope, Summary } from '../types';

interface Board {
  kelurahanCode: string;
  awaiting: Summary[];
  proposed: Summary[];
  deliberations: { id: number; heldOn: string; notes: string | null; recordedBy: string | null }[];
}

function List({ items }: { items: Summary[] }) {
  const { lang } = useLang();
  return (
    <ul>
      {items.map((c) => (
        <li key={c.trackingNumber}>
          <Link to={`/kemiskinan/pengaduan/${c.trackingNumber}`}>{c.trackingNumber}</Link> — {c.headName}, RT {c.rt}/RW {c.rw} — {c.needLabel[lang]}
        </li>
      ))}
    </ul>
  );
}

/** The kelurahan operator's musyawarah: households to decide on, the meeting's decisions, the exports. */
export default function Musyawarah() {
  const t = useT(m);
  const { lang } = useLang();
  const params = useSearchParams();
  const scope = useApi<Scope>('/kemiskinan/me');
  const board = useApi<Board>(`/kemiskinan/musyawarah${query({ kelurahan: params.get('kelurahan') })}`);
  const [heldOn, setHeldOn] = useState(() => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10));
  const [notes, setNotes] = useState('');
  const [decisions, setDecisions] = useState<Record<string, { decision: string; reason: string }>>({});
  const [error, setError] = useState<unknown>();
  const [key, setKey] = useState(newKey);
  const operator = scope.data?.role === 'kelurahan_operator';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const chosen = Object.entries(decisions).filter(([, d]) => d.decision);
    try {
      await api('POST', '/kemiskinan/musyawarah', {
        headers: { 'Idempotency-Key': key },
        body: { heldOn, ...(notes.trim() ? { notes } : {}), decisions: chosen.map(([trackingNumber, d]) => ({ trackingNumber, decision: d.decision, ...(d.reason.trim() ? { reason: d.reason } : {}) })) },
      });
      setDecisions({});
      setNotes('');
      setKey(newKey());
      board.reload();
    } catch (err) {
      setError(err);
    }
  };
  if (!board.data) return board.error ? <LoadError error={board.error} retry={board.reload} /> : <Loading />;
  const b = board.data;
  const awaiting = b.awaiting;
  return (
    <Page title={t('musyawarahTitle')}>
      <p className="lead">{t('musyawarahLead', { name: scope.data?.kelurahanName ?? b.kelurahanCode })}</p>
      <h2>{t('awaiting')}</h2>
      {awaiting.length ? (
        operator ? (
          <form className="kms-form" onSubmit={submit} noValidate>
            <TextField label={t('heldOn')} type="date" required value={heldOn} onChange={(e) => setHeldOn(e.target.value)} error={fieldError(error, 'heldOn')} />
            <TextArea label={t('minutes')} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
            {awaiting.map((c, i) => {
              const d = decisions[c.trackingNumber] ?? { decision: '', reason: '' };
              const set = (patch: Partial<typeof d>) => setDecisions({ ...decisions, [c.trackingNumber]: { ...d, ...patch } });
              const index = Object.entries(decisions).filter(([, x]) => x.decision).findIndex(([tn]) => tn === c.trackingNumber);
              return (
                <div className="card kms-decision" key={c.trackingNumber}>
                  <p><Link to={`/kemiskinan/pengaduan/${c.trackingNumber}`}>{c.trackingNumber}</Link> — <strong>{c.headName}</strong>, RT {c.rt}/RW {c.rw} — {c.needLabel[lang]}</p>
                  <SelectField label={t('decision', { name: c.headName })} value={d.decision} onChange={(e) => set({ decision: e.target.value })}>
                    <option value="">{t('decideNone')}</option>
                    <option value="proposed">{t('decideProposed')}</option>
                    <option value="not_proposed">{t('decideNot')}</option>
                  </SelectField>
                  {d.decision === 'not_proposed' ? <TextField label={t('decisionReason', { name: c.headName })} value={d.reason} onChange={(e) => set({ reason: e.target.value })} error={index >= 0 ? fieldError(error, `decisions.${index}.reason`) : undefined} /> : null}
                  <span className="visually-hidden">{i + 1}</span>
                </div>
              );
            })}
            <FormError error={error} shownFields={['heldOn', ...Object.keys(decisions).map((_, i) => `decisions.${i}.reason`)]} />
            <button type="submit" className="btn btn-primary">{t('recordMeeting')}</button>
          </form>
        ) : <List items={awaiting} />
      ) : <p>{t('empty')}</p>}
      <h2>{t('proposedList')}</h2>
      {b.proposed.length ? <List items={b.proposed} /> : <p>{t('empty')}</p>}
      <h2>{t('meetings')}</h2>
      <ul className="card-list">
        {b.deliberations.map((d) => (
          <li key={d.id} className="card">
            <p><strong>{formatDate(d.heldOn, lang)}</strong> {d.recordedBy ? `— ${d.recordedBy}` : ''}</p>
            {d.notes ? <p className="prewrap">{d.notes}</p> : null}
            <p className="btn-row">
              <a className="btn" href={`/api/v1/kemiskinan/musyawarah/${d.id}/export?format=csv`} download>{t('exportCsv')}</a>
              <a className="btn" href={`/api/v1/kemiskinan/musyawarah/${d.id}/export?format=pdf`} download>{t('exportPdf')}</a>
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
