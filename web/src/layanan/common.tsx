/** Pieces shared by the public-services pages: badges, the list of applications, the standar pelayanan's parts. */
import { formatDate } from '../lib/format';
import { useLang, useT } from '../lib/i18n';
import { Link } from '../lib/router';
import { Table } from '../ui/table';
import { m } from './messages';
import './layanan.css';
import type { ApplicationSummary, Deadline, Requirement, Step } from './types';

export function DeadlineBadge({ deadline }: { deadline: Deadline }) {
  const t = useT(m);
  if (deadline === 'overdue') return <span className="badge badge-late">{t('overdue')}</span>;
  if (deadline === 'due_soon') return <span className="badge badge-warn">{t('dueSoon')}</span>;
  if (deadline === 'on_time') return <span className="badge badge-ok">{t('onTime')}</span>;
  return null;
}

export const rupiah = (n: number, lang: 'id' | 'en') => new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(n);

export function ApplicationTable({ items, caption, desk }: { items: ApplicationSummary[]; caption: string; desk?: boolean }) {
  const t = useT(m);
  const { lang } = useLang();
  return (
    <Table stack columns={[t('number'), t('service'), ...(desk ? [t('applicant')] : []), t('status'), t('deadline')]} caption={<caption className="visually-hidden">{caption}</caption>}>
      {items.map((a) => (
        <tr key={a.number}>
          <td><Link to={`/layanan/permohonan/${a.number}`}>{a.number}</Link></td>
          <td>{a.service.name[lang]}{a.step ? <><br /><span className="hint">{a.step.name[lang]}</span></> : null}</td>
          {desk ? <td>{a.applicantName}{a.applicantOpd ? ` (${a.applicantOpd.code})` : ''}{a.channel === 'counter' ? <><br /><span className="hint">{t('assisted')}</span></> : null}</td> : null}
          <td><span className="badge badge-neutral">{a.statusLabel[lang]}</span></td>
          <td>{a.stepDueAt ? formatDate(a.stepDueAt, lang) : '–'} <DeadlineBadge deadline={a.deadline} /></td>
        </tr>
      ))}
    </Table>
  );
}

export function RequirementList({ requirements }: { requirements: Requirement[] }) {
  const t = useT(m);
  const { lang } = useLang();
  return (
    <ul>
      {requirements.map((r) => (
        <li key={r.key}>
          {r.label[lang]} {r.required ? null : t('optional')}
          <br />
          <span className="hint">
            {t('kinds', { kinds: r.kinds.map((k) => (k === 'pdf' ? t('kindPdf') : t('kindImage'))).join(', '), mb: Math.round((r.maxBytes / 1048576) * 10) / 10 })}
            {r.satisfiedBy === 'account_nik' ? ` ${t('satisfiedByAccount')}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function StepList({ steps }: { steps: Step[] }) {
  const t = useT(m);
  const { lang } = useLang();
  return (
    <ol className="layanan-steps">
      {steps.map((s) => (
        <li key={s.key}>
          {s.name[lang]} <span className="hint">— {t('stepBy', { role: t(`role_${s.role}`), n: s.workingDays })}</span>
        </li>
      ))}
    </ol>
  );
}
