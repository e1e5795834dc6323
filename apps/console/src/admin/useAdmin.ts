import { useQuery, useQueryClient } from '@tanstack/react-query';
import { apiErrorOf } from '../data/errors';
import { adminApi } from './admin-api';

// The admin screens' data: what they read, and one way to mark it changed after a write (the desk's own store list
// — the sidebar's — included).

export const ADMIN = 'admin';

export const useAdminStores = () => {
  const q = useQuery({ queryKey: [ADMIN, 'stores'], queryFn: async () => [...(await adminApi.stores()).items].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) });
  return { stores: q.data ?? [], loading: q.isPending, error: apiErrorOf(q.error), reload: () => void q.refetch() };
};

export const useAdminStore = (storeId: string | null) =>
  useQuery({ queryKey: [ADMIN, 'store', storeId], queryFn: () => adminApi.store(storeId!), enabled: !!storeId });

export const useChannels = (storeId: string) => useQuery({ queryKey: [ADMIN, 'channels', storeId], queryFn: async () => (await adminApi.channels(storeId)).items });

export const usePeople = () => {
  const q = useQuery({ queryKey: [ADMIN, 'users'], queryFn: async () => (await adminApi.users()).items });
  return { people: q.data ?? [], loading: q.isPending, error: apiErrorOf(q.error), reload: () => void q.refetch() };
};

export const useDeskSettings = () => useQuery({ queryKey: [ADMIN, 'settings'], queryFn: () => adminApi.settings(), staleTime: 60_000 });

/** After a write: the admin screens' data and the desk's store and user lists are read again. */
export function useAdminChanged() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: [ADMIN] });
    void client.invalidateQueries({ queryKey: ['stores'] });
    void client.invalidateQueries({ queryKey: ['users'] });
  };
}
