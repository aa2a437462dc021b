import { useEffect, useState } from 'react';
import { api, query } from '../lib/api';
import { useLang, useT } from '../lib/i18n';
import { Link } from '../lib/router';
import { m } from './messages';
import type { CatalogueHit } from './types';

const WAIT_MS = 500;
const MIN_WORDS = 3;

/**
 * Published catalogue (DIP) items matching what is being typed, asked for once the typing pauses:
 * a request may be unnecessary. A catalogue that fails or is missing just suggests nothing.
 */
export function CatalogueSuggestions({ text }: { text: string }) {
  const t = useT(m);
  const { lang } = useLang();
  const [hits, setHits] = useState<CatalogueHit[]>([]);
  const q = text.trim().split(/\s+/).filter(Boolean).length >= MIN_WORDS ? text.trim().slice(0, 200) : '';
  useEffect(() => {
    if (!q) {
      setHits([]);
      return;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      api<{ items?: CatalogueHit[] }>('GET', `/ppid/catalogue${query({ q, limit: 5 })}`, { signal: ctrl.signal }).then(
        (res) => setHits(Array.isArray(res.items) ? res.items.slice(0, 5) : []),
        () => setHits([]),
      );
    }, WAIT_MS);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [q]);
  return (
    <div aria-live="polite">
      {hits.length ? (
        <div className="ppid-suggest">
          <p className="hint">{t('suggestTitle')}</p>
          <ul>
            {hits.map((h) => (
              <li key={String(h.id)}>
                <Link to={`/ppid/dip/${encodeURIComponent(String(h.id))}`}>{h.title}</Link>
                <span className="hint"> — {[h.opd?.name, h.classLabel?.[lang]].filter(Boolean).join(', ')}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
