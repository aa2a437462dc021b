import { useEffect, useRef, useState } from 'react';
import { query } from './api';
import { useApi } from './use-api';

/**
 * A list read page by page ("load more"): each page is appended to the items shown so far, and
 * the list starts over at the first page whenever the path or its filters change.
 */
export function usePaged<T>(path: string, filters: Record<string, string>, limit: number) {
  const [offset, setOffset] = useState(0);
  const [items, setItems] = useState<T[]>([]);
  const list = useApi<{ items: T[]; hasMore: boolean }>(`${path}${query({ ...filters, limit, offset })}`);
  const restart = `${path}|${JSON.stringify(filters)}|${limit}`;
  useEffect(() => setOffset(0), [restart]);
  const { data } = list;
  // Each page once, when it arrives: asking for the next page changes the offset while the
  // previous page is still the data, which must not be appended again.
  const shown = useRef<typeof data>(undefined);
  useEffect(() => {
    if (!data || data === shown.current) return;
    shown.current = data;
    setItems((prev) => (offset === 0 ? data.items : [...prev, ...data.items]));
  }, [data, offset]);
  return { ...list, items, offset, loadMore: () => setOffset((o) => o + limit) };
}
