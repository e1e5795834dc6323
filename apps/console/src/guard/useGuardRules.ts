import { useQuery } from '@tanstack/react-query';
import { guardApi } from './guard-api';

/** The guard rules the caller sees (global ones too), cached a few minutes: their reasons name them on screen. */
export const useGuardRules = () => useQuery({ queryKey: ['guardRules'], queryFn: async () => (await guardApi.rules()).items, staleTime: 5 * 60_000 });
