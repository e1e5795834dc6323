import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { ApiRequestError, isAbort } from '../api/client';

const errorOf = (err: unknown) => (err instanceof ApiRequestError ? err : new ApiRequestError(0, String(err)));

interface State<T> {
  key: string | null;
  data: T | null;
  error: ApiRequestError | null;
}

/**
 * One answer of the API per `key` (the query, serialised): fetched once when the key changes,
 * the request of a superseded key aborted. While a new key loads, the previous answer stays on
 * screen (marked stale), so charts keep their size instead of flashing empty. `null` fetches nothing.
 */
export function useFetched<T>(key: string | null, fetcher: (signal: AbortSignal) => Promise<T>) {
  const [state, setState] = useState<State<T>>({ key: null, data: null, error: null });
  const [run, setRun] = useState(0);
  const fetchNow = useEffectEvent(fetcher);

  useEffect(() => {
    if (key === null) return;
    const ctrl = new AbortController();
    fetchNow(ctrl.signal)
      .then((data) => setState({ key, data, error: null }))
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        setState((s) => ({ key, data: s.data, error: errorOf(err) }));
      });
    return () => ctrl.abort();
  }, [key, run]);

  const reload = useCallback(() => setRun((r) => r + 1), []);
  const current = key !== null && state.key === key;
  return {
    data: key === null ? null : state.data,
    /** The data answers an earlier key (or nothing yet): a request is on its way. */
    loading: key !== null && !current,
    error: current ? state.error : null,
    reload,
  };
}
