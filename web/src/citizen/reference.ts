import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import type { Category, Kecamatan, Site } from './types';

/**
 * Reference data the report form needs (site, categories, regions). Kept in localStorage after each
 * successful load, so a report can be composed with no connection at all.
 */
const PATHS = { site: '/site', categories: '/categories', regions: '/regions' } as const;
type Key = keyof typeof PATHS;
interface Shapes {
  site: Site;
  categories: Category[];
  regions: Kecamatan[];
}

const memory = new Map<Key, Promise<unknown>>();
const storageKey = (k: Key) => `khidmat.ref.${k}`;

export function loadReference<K extends Key>(key: K): Promise<Shapes[K]> {
  let p = memory.get(key) as Promise<Shapes[K]> | undefined;
  if (!p) {
    p = api<Shapes[K]>('GET', PATHS[key]).then(
      (data) => {
        localStorage.setItem(storageKey(key), JSON.stringify(data));
        return data;
      },
      (err: unknown) => {
        memory.delete(key);
        const cached = localStorage.getItem(storageKey(key));
        if (cached) return JSON.parse(cached) as Shapes[K];
        throw err;
      },
    );
    memory.set(key, p);
  }
  return p;
}

export function useReference<K extends Key>(key: K): { data: Shapes[K] | undefined; error: unknown } {
  const [state, setState] = useState<{ data: Shapes[K] | undefined; error: unknown }>({ data: undefined, error: undefined });
  useEffect(() => {
    let live = true;
    loadReference(key).then(
      (data) => live && setState({ data, error: undefined }),
      (error: unknown) => live && setState({ data: undefined, error }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}

/** Warm the cache while online, so the form also opens offline later. */
export function prefetchReference(): void {
  for (const key of Object.keys(PATHS) as Key[]) void loadReference(key).catch(() => undefined);
}
