import { useQuery } from '@tanstack/react-query';
import type { GuardViolation } from '@kefu/contracts';
import { useDebounced } from '../ui/useDebounced';
import { guardApi } from './guard-api';

/** How long typing must pause before the text is checked. */
export const GUARD_DEBOUNCE_MS = 350;

/**
 * The violations of the text being typed, checked against the conversation's rules once typing
 * pauses. Advisory: the server checks again on send. `checkedText` says which text they belong to
 * (their offsets are into it), so violations of an older text are never drawn over a newer one.
 */
export function useGuardCheck(conversationId: string, text: string, enabled: boolean): { violations: GuardViolation[]; checkedText: string } {
  const settled = useDebounced(text, GUARD_DEBOUNCE_MS);
  const checking = enabled && settled.trim() !== '';
  const checked = useQuery({
    queryKey: ['guardCheck', conversationId, settled],
    queryFn: ({ signal }) => guardApi.check({ conversationId, text: settled }, signal),
    enabled: checking,
    staleTime: 60_000,
    retry: false,
  });
  if (!enabled || !text.trim()) return { violations: [], checkedText: text };
  return checking && checked.data ? { violations: checked.data.violations, checkedText: settled } : { violations: [], checkedText: '' };
}
