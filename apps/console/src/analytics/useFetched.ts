import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiErrorOf } from '../data/errors';

/**
 * One answer of the analysis `name` per `key` (its query, serialised; null fetches nothing), from the console's cache. While a
 * new key loads, the previous answer stays on screen (marked stale), so charts keep their size instead of flashing empty.
 */
export function useFetched<T>(name: string, key: string | null, fetcher: (signal: AbortSignal) => Promise<T>) {
  const query = useQuery({ queryKey: ['analytics', name, key], queryFn: ({ signal }) => fetcher(signal), enabled: key !== null, placeholderData: keepPreviousData });
  return {
    data: key === null ? null : (query.data ?? null),
    /** The data answers an earlier key (or nothing yet): a request is on its way. */
    loading: key !== null && (query.isPending || query.isPlaceholderData),
    error: query.isPlaceholderData ? null : apiErrorOf(query.error),
    reload: () => void query.refetch(),
  };
}
