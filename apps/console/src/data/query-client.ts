import { QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from '../api/client';

/**
 * The console's one cache. A screen shows what is cached at once and reads it again in the background when it mounts;
 * live queries (live-cache.ts: kept fresh by the socket, read again on every reconnect) are not read again on mount.
 * Nothing refetches on focus. Only an unreachable server is retried: a 4xx is final.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 0,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        retry: (failures, err) => err instanceof ApiRequestError && err.statusCode === 0 && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}
