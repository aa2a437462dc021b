import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../lib/api';
import { formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { useLang, useT, type Message } from '../../lib/i18n';
import { useApi } from '../../lib/use-api';
import { fieldError, FormError, TextField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { m, type Key } from '../messages';
import { Table } from '../../ui/table';

interface Import {
  id: number;
  period: string;
  fileName: string;
  status: string;
  progress: number;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  error: { code: string; message: Message; line?: number } | null;
  createdAt: string;
}
interface Rejects {
  items: { line: number; field: string | null; reason: Message }[];
  hasMore: boolean;
}

function ImportCard({ imp }: { imp: Import }) {
  const t = useT(m);
  const { lang } = useLang();
  const [live, setLive] = useState(imp);
  const running = live.status === 'queued' || live.status === 'running';
  // Polled while the background job works through the file.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void api<Import>('GET', `/kemiskinan/register/imports/${imp.id}`).then(setLive, () => undefined), 2000);
    return () => clearInterval(timer);
  }, [imp.id, running]);
  const rejects = useApi<Rejects>(live.rowsRejected && !running ? `/kemiskinan/register/imports/${imp.id}/rejects?limit=100` : null);
  return (
    <li className="card">
      <h3>{live.period} — {live.fileName}</h3>
      <p><span className={`badge ${live.status === 'applied' ? 'badge-ok' : live.status === 'failed' ? 'badge-late' : 'badge-neutral'}`}>{t(`importStatus_${live.status}` as Key)}</span> {formatDateTime(live.createdAt, lang)}</p>
      <label>
        {t('progress')} <progress max={1} value={live.progress}>{formatPercent(live.progress, lang)}</progress> {formatPercent(live.progress, lang)}
      </label>
      <p>{t('rows', { read: formatNumber(live.rowsRead, lang), ok: formatNumber(live.rowsAccepted, lang), bad: formatNumber(live.rowsRejected, lang) })}</p>
      {live.error ? <p className="alert alert-error">{live.error.message[lang]}{live.error.line ? ` (${t('line')} ${live.error.line})` : ''}</p> : null}
      {rejects.data?.items.length ? (
        <Table className="staff-table" caption={<caption>{t('rejectedRows')}</caption>} columns={[t('line'), t('field'), t('reason')]}>
          {rejects.data.items.map((r) => <tr key={`${r.line}-${r.reason.en}`}><td>{r.line}</td><td>{r.field ?? '—'}</td><td>{r.reason[lang]}</td></tr>)}
        </Table>
      ) : null}
    </li>
  );
}

/** The desk uploads the DTSEN file and watches it being checked and applied. */
export default function Register() {
  const t = useT(m);
  const { lang } = useLang();
  const { data, error, loading, reload } = useApi<{ period: string | null; persons: number; imports: Import[] }>('/kemiskinan/register');
  const [period, setPeriod] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [upErr, setUpErr] = useState<unknown>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUpErr(undefined);
    const form = new FormData();
    if (file) form.append('file', file, file.name);
    try {
      await api('POST', `/kemiskinan/register/imports?period=${encodeURIComponent(period)}`, { form });
      reload();
    } catch (err) {
      setUpErr(err);
    }
  };
  return (
    <Page title={t('registerTitle')}>
      <p className="lead">{t('registerLead')}</p>
      {data ? <p>{data.period ? t('inForce', { period: data.period, n: formatNumber(data.persons, lang) }) : t('noRegister')}</p> : null}
      <form className="kms-form" onSubmit={submit} noValidate>
        <TextField label={t('period')} required placeholder="2026-01" value={period} onChange={(e) => setPeriod(e.target.value)} error={fieldError(upErr, 'period')} />
        <TextField label={t('file')} type="file" accept=".csv,text/csv" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} error={fieldError(upErr, 'file')} />
        <FormError error={upErr} shownFields={['period', 'file']} />
        <button type="submit" className="btn btn-primary">{t('upload')}</button>
      </form>
      {loading && !data ? <Loading /> : error ? <LoadError error={error} retry={reload} /> : <ul className="card-list">{data?.imports.map((i) => <ImportCard key={`${i.id}-${i.status}`} imp={i} />)}</ul>}
    </Page>
  );
}
