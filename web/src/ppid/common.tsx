/** Pieces shared by the PPID pages: status and deadline badges, paged lists with a total, file links. */
import { useId, useState } from 'react';
import { formatDate } from '../lib/format';
import { useLang, useT } from '../lib/i18n';
import { Link } from '../lib/router';
import { usePaged } from '../lib/use-paged';
import { Table } from '../ui/table';
import { m } from './messages';
import './ppid.css';
import type { Deadline, Summary } from './types';

export function DeadlineBadge({ deadline }: { deadline: Deadline }) {
  const t = useT(m);
  if (deadline === 'overdue') return <span className="badge badge-late">{t('overdue')}</span>;
  if (deadline === 'due_soon') return <span className="badge badge-warn">{t('dueSoon')}</span>;
  if (deadline === 'on_time') return <span className="badge badge-ok">{t('onTime')}</span>;
  return null;
}

export function StatusBadges({ s }: { s: Pick<Summary, 'statusLabel' | 'deadline'> }) {
  const { lang } = useLang();
  return (
    <span className="ppid-badges">
      <span className="badge badge-neutral">{s.statusLabel[lang]}</span>
      <DeadlineBadge deadline={s.deadline} />
    </span>
  );
}

/** The PPID lists answer with a total rather than `hasMore`: read page by page like the others. */
export function usePagedList<T>(path: string, filters: Record<string, string>, limit: number) {
  const list = usePaged<T>(path, filters, limit);
  const data = list.data as { total?: number; totalCapped?: boolean } | undefined;
  const total = data?.total ?? 0;
  // A capped count (the archive's) says "more than": more pages follow while they come full.
  const capped = !!data?.totalCapped;
  return { ...list, total: capped ? `${total}+` : total, hasMore: list.items.length < total || (capped && list.items.length > 0 && list.items.length % limit === 0) };
}

/** "Load more" under a list, with how many of how many are shown (announced politely). */
export function MoreRow({ shown, total, hasMore, onMore }: { shown: number; total: number | string; hasMore: boolean; onMore: () => void }) {
  const t = useT(m);
  return (
    <div className="btn-row ppid-more">
      <p className="hint" role="status">{t('shown', { n: shown, total })}</p>
      {hasMore ? <button type="button" className="btn" onClick={onMore}>{t('more')}</button> : null}
    </div>
  );
}

/** A link with a copy button: the secret link is shown once and must be kept. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const t = useT(m);
  const id = useId();
  const [said, setSaid] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setSaid(t('copied'));
    } catch {
      setSaid(t('copyFailed'));
    }
  };
  return (
    <div className="field ppid-copy">
      <label htmlFor={id}>{label}</label>
      <div className="ppid-copy-row">
        <input id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="btn" onClick={() => void copy()}>{t('copy')}</button>
      </div>
      <p className="hint" role="status">{said}</p>
    </div>
  );
}

/** What was asked, cut short for a list. */
export const short = (text: string, max = 140): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Bytes as KB/MB for a download link. */
export const fileSize = (bytes: number): string => (bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** Today in WIB as YYYY-MM-DD (the hearing date's default). */
export const todayWib = (): string => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** Requests as a table (cards on a phone): number, what was asked, where it is, its status and due date. */
export function RequestTable({ items, caption }: { items: Summary[]; caption: string }) {
  const t = useT(m);
  const { lang } = useLang();
  return (
    <Table
      stack
      className="staff-table"
      caption={<caption className="visually-hidden">{caption}</caption>}
      columns={[t('colNumber'), t('colInformation'), t('colOpd'), t('colStatus'), t('colDue'), t('colReceived')]}
    >
      {items.map((s) => (
        <tr key={s.registrationNumber}>
          <td><Link to={`/ppid/permohonan/${s.registrationNumber}`}>{s.registrationNumber}</Link></td>
          <td>{short(s.information)}</td>
          <td>{s.opd?.name ?? t('utama')}</td>
          <td><StatusBadges s={s} /></td>
          <td>{formatDate(s.status === 'submitted' ? s.verifyDueAt : s.answerDueAt, lang)}</td>
          <td>{formatDate(s.receivedAt, lang)}</td>
        </tr>
      ))}
    </Table>
  );
}
