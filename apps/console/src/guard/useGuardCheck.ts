import { useEffect, useState } from 'react';
import type { GuardViolation } from '@kefu/contracts';
import { guardApi } from './guard-api';

/** How long typing must pause before the text is checked. */
export const GUARD_DEBOUNCE_MS = 350;

/**
 * The violations of the text being typed, checked against the conversation's rules once typing
 * pauses. Advisory: the server checks again on send. Violations of an older text are dropped.
 */
export function useGuardCheck(conversationId: string, text: string, enabled: boolean): { violations: GuardViolation[]; checkedText: string } {
  const [result, setResult] = useState<{ violations: GuardViolation[]; checkedText: string }>({ violations: [], checkedText: '' });
  useEffect(() => {
    if (!enabled || !text.trim()) return;
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      guardApi
        .check({ conversationId, text }, ctrl.signal)
        .then((r) => setResult({ violations: r.violations, checkedText: text }))
        .catch((err: unknown) => {
          if (!ctrl.signal.aborted) console.warn('guard check failed', err);
        });
    }, GUARD_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [conversationId, text, enabled]);
  return !enabled || !text.trim() ? { violations: [], checkedText: text } : result;
}
