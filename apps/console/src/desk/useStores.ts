import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { deskApi } from '../api/desk-api';

/** The stores the current user may see, by id (for names, platforms and SLA policies). */
export function useStores() {
  const query = useQuery({
    queryKey: ['stores'],
    queryFn: async () => [...(await deskApi.stores()).items].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    staleTime: 5 * 60_000,
  });
  const stores = query.data;
  const byId = useMemo(() => new Map((stores ?? []).map((s) => [s.id, s])), [stores]);
  // A store list that cannot be read counts as loaded (and empty): screens do not wait for it forever.
  return { stores: stores ?? [], storesLoaded: stores !== undefined || query.isError, storeById: byId };
}
