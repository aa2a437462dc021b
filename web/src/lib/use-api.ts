import { useCallback, useEffect, useState } from 'react';
import { api } from './api';

/** Loads a GET resource and reloads it when `path` changes; `path` null means "not yet". */
export function useApi<T>(path: string | null) {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: path !== null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) return;
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    api<T>('GET', path, { signal: ctrl.signal }).then(
      (data) => setState({ data, error: undefined, loading: false }),
      (error: unknown) => {
        if ((error as Error).name !== 'AbortError') setState({ data: undefined, error, loading: false });
      },
    );
    return () => ctrl.abort();
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
