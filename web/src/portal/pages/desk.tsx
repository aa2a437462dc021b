import { query } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { pick, useLang, useT } from '../../lib/i18n';
import { Link, navigate, useSearchParams } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useSession } from '../../lib/session';
import { SelectField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { Table } from '../../ui/table';
import { m } from '../messages';
import { EDITOR_ROLES, type Kind } from '../types';
import type { Message } from '../../lib/i18n';
import '../portal.css';

interface Desk {
  items: { id: number; kind: Kind; title: string; status: string; statusLabel: Message; version: number; updatedAt: string }[];
  total: number;
}
const STATUSES = ['draft', 'checked', 'published', 'archived'] as const;
const STATUS_WORDS: Record<(typeof STATUSES)[number], Message> = {
  draft: { id: 'Draf', en: 'Draft' },
  checked: { id: 'Sudah diperiksa', en: 'Checked' },
  published: { id: 'Terbit', en: 'Published' },
  archived: { id: 'Diarsipkan', en: 'Archived' },
};

/** The editors' and checkers' work list, last changed first. */
export default function DeskPage() {
  const t = useT(m);
  const { lang } = useLang();
  const { user } = useSession();
  const status = useSearchParams().get('status') ?? '';
  const { data, error, loading, reload } = useApi<Desk>(`/portal/desk${query({ status })}`);
  return (
    <Page title={t('deskTitle')} actions={user && EDITOR_ROLES.includes(user.role) ? <Link className="btn btn-primary" to="/portal/tulis">{t('newItem')}</Link> : undefined}>
      <p className="lead">{t('deskLead')}</p>
      <SelectField label={t('filterStatus')} value={status} onChange={(e) => navigate(`/portal/meja${query({ status: e.target.value })}`, { replace: true })}>
        <option value="">{t('anyStatus')}</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>{pick(STATUS_WORDS[s], lang)}</option>
        ))}
      </SelectField>
      {error ? <LoadError error={error} retry={reload} /> : null}
      {loading && !data ? <Loading /> : null}
      {data && !data.items.length ? <p role="status">{t('none')}</p> : null}
      {data?.items.length ? (
        <Table stack caption={<caption className="visually-hidden">{t('deskTitle')}</caption>} columns={[t('colTitle'), t('colKind'), t('colStatus'), t('colUpdated')]}>
          {data.items.map((i) => (
            <tr key={i.id}>
              <td><Link to={`/portal/naskah/${i.id}`}>{i.title}</Link></td>
              <td>{t(`kind.${i.kind}`)}</td>
              <td>{pick(i.statusLabel, lang)}</td>
              <td>{formatDateTime(i.updatedAt, lang)}</td>
            </tr>
          ))}
        </Table>
      ) : null}
    </Page>
  );
}
