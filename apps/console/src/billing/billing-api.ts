import { z } from 'zod';
import { Statement, StoreContract, type StoreContractInput } from '@kefu/contracts';
import { ApiRequestError, request } from '../api/client';

const StatementList = z.object({ items: z.array(Statement) });
const contractPath = (storeId: string) => `/api/stores/${encodeURIComponent(storeId)}/contract`;

/** The agency's fees: statements (the desk's analysts and admins, and the brand's portal) and a store's contract (admins set it). */
export const billingApi = {
  /** The month's statement of each store the caller may see that has a contract (or of `storeId` alone). */
  statements: (month: string, storeId?: string, signal?: AbortSignal) => request('/api/statements', StatementList, { query: { month, storeId }, signal }),
  /** The store's contract, or null while it has none (404 CONTRACT_NOT_SET; a store the caller may not see stays an error). */
  contract: async (storeId: string, signal?: AbortSignal): Promise<StoreContract | null> => {
    try {
      return await request(contractPath(storeId), StoreContract, { signal });
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'CONTRACT_NOT_SET') return null;
      throw err;
    }
  },
  setContract: (storeId: string, input: StoreContractInput) => request(contractPath(storeId), StoreContract, { method: 'PUT', body: input }),
};
