import { useQuery } from '@tanstack/react-query';
import { apiErrorOf } from '../data/errors';
import { billingApi } from './billing-api';

/** The month's statements of the caller's stores with a contract (one store's with `storeId`). */
export function useStatements(month: string, storeId?: string) {
  const query = useQuery({ queryKey: ['statements', month, storeId ?? ''], queryFn: ({ signal }) => billingApi.statements(month, storeId, signal) });
  return { statements: query.data?.items ?? null, loading: query.isPending, error: apiErrorOf(query.error), reload: () => void query.refetch() };
}

/** A store's contract (null: none yet). */
export const useContract = (storeId: string) => useQuery({ queryKey: ['contract', storeId], queryFn: ({ signal }) => billingApi.contract(storeId, signal) });
