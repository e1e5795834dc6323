import { useCallback, useEffect, useState } from 'react';
import type { ClientReportSummary, ReportPeriod } from '@kefu/contracts';
import { ApiRequestError, isAbort } from '../api/client';
import { deskApi } from '../api/desk-api';

const PAGE = 50;
const errorOf = (err: unknown) => (err instanceof ApiRequestError ? err : new ApiRequestError(0, String(err)));

export interface ReportFilters {
  storeId: string;
  period: ReportPeriod | '';
}

interface State {
  key: string;
  items: ClientReportSummary[];
  total: number;
  nextCursor: string | null;
  error: ApiRequestError | null;
  loadingMore: boolean;
}

/** The stored client reports, newest first, for a store and period filter; more pages on demand. */
export function useReportList(filters: ReportFilters) {
  const key = JSON.stringify(filters);
  const [state, setState] = useState<State>({ key: '', items: [], total: 0, nextCursor: null, error: null, loadingMore: false });
  const [run, setRun] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    const f = JSON.parse(key) as ReportFilters;
    deskApi
      .reports({ storeId: f.storeId || undefined, period: f.period || undefined, limit: PAGE }, ctrl.signal)
      .then((page) => setState({ key, items: page.items, total: page.total, nextCursor: page.nextCursor, error: null, loadingMore: false }))
      .catch((err: unknown) => {
        if (!isAbort(err)) setState((s) => ({ ...s, key, error: errorOf(err), loadingMore: false }));
      });
    return () => ctrl.abort();
  }, [key, run]);

  const loadMore = useCallback(async () => {
    if (!state.nextCursor || state.loadingMore) return;
    setState((s) => ({ ...s, loadingMore: true }));
    const f = JSON.parse(key) as ReportFilters;
    try {
      const page = await deskApi.reports({ storeId: f.storeId || undefined, period: f.period || undefined, limit: PAGE, cursor: state.nextCursor });
      setState((s) => (s.key !== key ? s : { ...s, items: [...s.items, ...page.items.filter((i) => !s.items.some((x) => x.id === i.id))], nextCursor: page.nextCursor, loadingMore: false }));
    } catch (err) {
      setState((s) => ({ ...s, error: errorOf(err), loadingMore: false }));
    }
  }, [key, state.nextCursor, state.loadingMore]);

  const current = state.key === key;
  return {
    items: current ? state.items : [],
    total: current ? state.total : 0,
    loading: !current,
    loadingMore: state.loadingMore,
    hasMore: current && state.nextCursor !== null,
    error: current ? state.error : null,
    loadMore,
    reload: useCallback(() => setRun((r) => r + 1), []),
  };
}
