import { z } from 'zod';
import {
  type CreateGuardReviewScoreInput,
  type CreateGuardRuleInput,
  type CreateRuleChangeInput,
  GuardCheckResult,
  GuardEvent,
  GuardReviewSample,
  GuardReviewScore,
  GuardRule,
  type GuardStatsQuery,
  GuardStatsRow,
  GuardViolation,
  type ListGuardEventsQuery,
  type ListGuardReviewScoresQuery,
  type UpdateGuardRuleInput,
  RuleChange,
  page,
} from '@kefu/contracts';
import { ApiRequestError, request } from '../api/client';

const RulePage = page(GuardRule);
const RuleChangePage = page(RuleChange);
const EventPage = page(GuardEvent);
const ScorePage = page(GuardReviewScore);
const Stats = z.object({ items: z.array(GuardStatsRow) });

/** The reply guard's calls, each answer parsed with its contract schema. */
export const guardApi = {
  check: (input: { conversationId?: string; storeId?: string; text: string }, signal?: AbortSignal) => request('/api/guard/check', GuardCheckResult, { method: 'POST', body: input, signal }),
  rules: (query: { storeId?: string; platform?: string; kind?: string; status?: string } = {}, signal?: AbortSignal) => request('/api/guard/rules', RulePage, { query: { limit: 200, ...query }, signal }),
  createRule: (input: z.input<typeof CreateGuardRuleInput> | CreateGuardRuleInput) => request('/api/guard/rules', GuardRule, { method: 'POST', body: input }),
  updateRule: (id: string, input: UpdateGuardRuleInput) => request(`/api/guard/rules/${encodeURIComponent(id)}`, GuardRule, { method: 'PATCH', body: input }),
  ruleChanges: (query: { pending?: 'true' } = {}, signal?: AbortSignal) => request('/api/rule-changes', RuleChangePage, { query: { limit: 50, ...query }, signal }),
  publishRuleChange: (input: z.input<typeof CreateRuleChangeInput>) => request('/api/rule-changes', RuleChange, { method: 'POST', body: input }),
  acknowledge: (id: string) => request(`/api/rule-changes/${encodeURIComponent(id)}/ack`, RuleChange, { method: 'POST' }),
  // The quality review.
  events: (query: Partial<ListGuardEventsQuery>, signal?: AbortSignal) => request('/api/guard/events', EventPage, { query: { ...query }, signal }),
  stats: (query: Partial<GuardStatsQuery>, signal?: AbortSignal) => request('/api/guard/stats', Stats, { query: { ...query }, signal }),
  sample: (query: { storeId?: string; size?: number }, signal?: AbortSignal) => request('/api/guard/review/sample', GuardReviewSample, { query: { ...query }, signal }),
  scores: (query: Partial<ListGuardReviewScoresQuery>, signal?: AbortSignal) => request('/api/guard/review/scores', ScorePage, { query: { ...query }, signal }),
  score: (input: z.input<typeof CreateGuardReviewScoreInput>) => request('/api/guard/review/scores', GuardReviewScore, { method: 'POST', body: input }),
};

/** A reply the guard refused (422 with `code` and `violations`). */
export function guardRefusal(err: unknown): { code: 'blocked' | 'confirm'; violations: GuardViolation[] } | null {
  if (!(err instanceof ApiRequestError) || err.statusCode !== 422) return null;
  const code = err.code === 'REPLY_BLOCKED' ? 'blocked' : err.code === 'REPLY_NEEDS_CONFIRMATION' ? 'confirm' : null;
  const parsed = GuardViolation.array().safeParse(err.body.violations);
  return code && parsed.success ? { code, violations: parsed.data } : null;
}
