import type { z } from 'zod';
import {
  type CreateGuardRuleInput,
  type CreateRuleChangeInput,
  GuardCheckResult,
  GuardRule,
  GuardViolation,
  type UpdateGuardRuleInput,
  RuleChange,
  page,
} from '@kefu/contracts';
import { ApiRequestError, request } from '../api/client';

const RulePage = page(GuardRule);
const RuleChangePage = page(RuleChange);

/** The reply guard's calls, each answer parsed with its contract schema. */
export const guardApi = {
  check: (input: { conversationId?: string; storeId?: string; text: string }, signal?: AbortSignal) => request('/api/guard/check', GuardCheckResult, { method: 'POST', body: input, signal }),
  rules: (query: { storeId?: string; platform?: string; kind?: string; status?: string } = {}, signal?: AbortSignal) => request('/api/guard/rules', RulePage, { query: { limit: 200, ...query }, signal }),
  createRule: (input: z.input<typeof CreateGuardRuleInput> | CreateGuardRuleInput) => request('/api/guard/rules', GuardRule, { method: 'POST', body: input }),
  updateRule: (id: string, input: UpdateGuardRuleInput) => request(`/api/guard/rules/${encodeURIComponent(id)}`, GuardRule, { method: 'PATCH', body: input }),
  ruleChanges: (query: { pending?: 'true' } = {}, signal?: AbortSignal) => request('/api/rule-changes', RuleChangePage, { query: { limit: 50, ...query }, signal }),
  publishRuleChange: (input: z.input<typeof CreateRuleChangeInput>) => request('/api/rule-changes', RuleChange, { method: 'POST', body: input }),
  acknowledge: (id: string) => request(`/api/rule-changes/${encodeURIComponent(id)}/ack`, RuleChange, { method: 'POST' }),
};

/** A reply the guard refused (422 with `code` and `violations`). */
export function guardRefusal(err: unknown): { code: 'blocked' | 'confirm'; violations: GuardViolation[] } | null {
  if (!(err instanceof ApiRequestError) || err.statusCode !== 422) return null;
  const code = err.code === 'REPLY_BLOCKED' ? 'blocked' : err.code === 'REPLY_NEEDS_CONFIRMATION' ? 'confirm' : null;
  const parsed = GuardViolation.array().safeParse(err.body.violations);
  return code && parsed.success ? { code, violations: parsed.data } : null;
}
