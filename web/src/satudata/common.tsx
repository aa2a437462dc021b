import { formatNumber } from '../lib/format';
import { useLang, useT } from '../lib/i18n';
import { ApiError } from '../lib/api';
import { Table } from '../ui/table';
import { m } from './messages';
import type { Resource, Summary, Variable } from './types';
import './satudata.css';

const size = (bytes: number, lang: 'id' | 'en') => (bytes >= 1024 * 1024 ? `${formatNumber(bytes / 1024 / 1024, lang, 1)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)), lang)} KB`);

export function Downloads({ resources }: { resources: Resource[] }) {
  const t = useT(m);
  const { lang } = useLang();
  return (
    <ul className="sd-files">
      {resources.map((r) => (
        <li key={r.id}>
          <a className="btn" href={r.url} download>
            {t('download', { name: r.name, size: size(r.bytes, lang) })}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The first rows of a version's table, under its variables' labels. */
export function Preview({ variables, summary, number }: { variables: Variable[]; summary: Summary; number: number }) {
  const t = useT(m);
  return (
    <Table
      stack
      caption={<caption>{t('preview', { n: number, shown: summary.preview.length, rows: summary.rowCount })}</caption>}
      columns={variables.map((v) => ({ label: v.unit ? `${v.label} (${v.unit})` : v.label, num: v.type === 'integer' || v.type === 'decimal' }))}
    >
      {summary.preview.slice(0, 20).map((row, i) => (
        <tr key={i}>
          {row.map((c, j) => (
            <td key={j} className={variables[j]?.type === 'integer' || variables[j]?.type === 'decimal' ? 'num' : undefined}>
              {c ?? '–'}
            </td>
          ))}
        </tr>
      ))}
    </Table>
  );
}

/** A refused upload: each cell the checks named, with its row and column. */
export function CellErrors({ error }: { error: unknown }) {
  const t = useT(m);
  const { lang } = useLang();
  if (!(error instanceof ApiError) || !error.errors.length) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{t('refusedRows')}</p>
      <ul>
        {error.errors.map((e, i) => (
          <li key={i}>{e.message[lang]}</li>
        ))}
      </ul>
    </div>
  );
}
