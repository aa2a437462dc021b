/** Pieces shared by the catalogue pages: an item's badges, an exempt item's reason, its files. */
import { useLang, useT } from '../../lib/i18n';
import { fileSize } from '../common';
import { m } from './messages';
import './catalogue.css';
import type { CatalogueItem } from './types';

export function ItemBadges({ item, status = false }: { item: CatalogueItem; status?: boolean }) {
  const { lang } = useLang();
  return (
    <span className="ppid-badges">
      <span className={`badge ${item.class === 'dikecualikan' ? 'badge-late' : item.class === 'serta_merta' ? 'badge-warn' : 'badge-ok'}`}>{item.classLabel[lang]}</span>
      {status ? <span className="badge badge-neutral">{item.statusLabel[lang]}</span> : null}
    </span>
  );
}

/** Why an exempt item is withheld: the Pasal 17 letter, the legal basis and the consequence test. */
export function ExemptReason({ item }: { item: CatalogueItem }) {
  const t = useT(m);
  const { lang } = useLang();
  if (item.class !== 'dikecualikan' || !item.exemption) return null;
  return (
    <div className="dip-exempt">
      <p><strong>{t('exemptReason', { letter: item.exemption, label: item.exemptionLabel?.[lang] ?? '' })}</strong></p>
      <dl className="ppid-dl">
        <dt>{t('legalBasis')}</dt><dd>{item.legalBasis}</dd>
        <dt>{t('consequenceTest')}</dt><dd className="prewrap">{item.consequenceTest}</dd>
      </dl>
    </div>
  );
}

export function DocumentLinks({ item }: { item: CatalogueItem }) {
  const t = useT(m);
  if (!item.documents.length) return null;
  return (
    <ul className="ppid-docs">
      {item.documents.map((d) => (
        <li key={d.id}>
          <a href={d.url} download={d.name} aria-label={t('download', { name: d.name })}>{d.name}</a> <span className="hint">({fileSize(d.bytes)})</span>
        </li>
      ))}
    </ul>
  );
}
