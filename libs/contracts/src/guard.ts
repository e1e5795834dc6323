// Reply guard (issue 21): rules a reply must not break, the check, and platform rule changes.
import { z } from 'zod';
import { Platform } from './domain.js';
import { instant, text } from './input.js';
import { PageQuery } from './common.js';

export const GUARD_RULE_KINDS = ['term', 'pattern', 'contact', 'personal_data'] as const;
/** `term`: any of `terms`; `pattern`: a regular expression (RE2 syntax, linear time); `contact`: the built-in
 * detector of phone numbers, WeChat/QQ ids and links off the store's platform; `personal_data`: ID card
 * numbers, and names or phones of customers other than the conversation's. */
export const GuardRuleKind = z.enum(GUARD_RULE_KINDS);
export type GuardRuleKind = z.infer<typeof GuardRuleKind>;

export const GuardAction = z.enum(['block', 'warn']);
export type GuardAction = z.infer<typeof GuardAction>;

/** `scheduled`: saved, in force from `effectiveAt` (the worker marks it active then); `disabled`: never applied. */
export const GuardRuleStatus = z.enum(['active', 'scheduled', 'disabled']);
export type GuardRuleStatus = z.infer<typeof GuardRuleStatus>;

/** A product category a rule may be limited to, and a store may sell: e.g. `cosmetics`, `food`. */
export const GuardCategory = text()
  .trim()
  .toLowerCase()
  .pipe(text().regex(/^[a-z][a-z0-9_]{1,39}$/, 'must be 2–40 lower-case letters, digits or _'));

/** The reason shown to the agent, in both languages. */
export const GuardMessage = z.object({ zh: text().trim().min(1, 'must not be empty').max(300), en: text().trim().min(1, 'must not be empty').max(300) }).strict();
export type GuardMessage = z.infer<typeof GuardMessage>;

const Term = text().trim().min(1, 'must not be empty').max(100);
export const GUARD_PATTERN_MAX = 500;
export const GUARD_TERMS_MAX = 500;

export const GuardRule = z.object({
  id: text(),
  storeId: text().nullable(),
  platform: Platform.nullable(),
  category: text().nullable(),
  kind: GuardRuleKind,
  terms: z.array(text()).optional(),
  /** Occurrences of a term inside one of these are not violations (e.g. 第一次 for the term 第一). */
  exceptions: z.array(text()).optional(),
  pattern: text().optional(),
  action: GuardAction,
  message: GuardMessage,
  effectiveAt: text(),
  status: GuardRuleStatus,
  /** `default`: from the desk's shipped lists (apps/server/corpus/guard), with their version. */
  source: text(),
  ruleChangeId: text().nullable(),
  createdAt: text(),
  updatedAt: text(),
});
export type GuardRule = z.infer<typeof GuardRule>;

const ruleFields = {
  storeId: z.uuid().nullable().default(null),
  platform: Platform.nullable().default(null),
  category: GuardCategory.nullable().default(null),
  kind: GuardRuleKind,
  terms: z.array(Term).min(1, 'must list at least one term').max(GUARD_TERMS_MAX).optional(),
  exceptions: z.array(Term).max(GUARD_TERMS_MAX).optional(),
  pattern: text().min(1, 'must not be empty').max(GUARD_PATTERN_MAX).optional(),
  action: GuardAction,
  message: GuardMessage,
  effectiveAt: instant().optional(),
  status: z.enum(['active', 'disabled']).default('active'),
};

const needsItsField = (r: { kind?: GuardRuleKind; terms?: string[]; pattern?: string }, ctx: z.RefinementCtx) => {
  if (r.kind === 'term' && !r.terms) ctx.addIssue({ code: 'custom', path: ['terms'], message: 'is required for a term rule' });
  if (r.kind === 'pattern' && !r.pattern) ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'is required for a pattern rule' });
};

export const CreateGuardRuleInput = z.object(ruleFields).strict().superRefine(needsItsField);
export type CreateGuardRuleInput = z.infer<typeof CreateGuardRuleInput>;

export const UpdateGuardRuleInput = z
  .object({
    terms: ruleFields.terms,
    exceptions: ruleFields.exceptions,
    pattern: ruleFields.pattern,
    action: GuardAction.optional(),
    message: GuardMessage.optional(),
    category: GuardCategory.nullable().optional(),
    effectiveAt: instant().optional(),
    status: z.enum(['active', 'disabled']).optional(),
  })
  .strict();
export type UpdateGuardRuleInput = z.infer<typeof UpdateGuardRuleInput>;

export const ListGuardRulesQuery = PageQuery.extend({
  storeId: z.uuid().optional(),
  platform: Platform.optional(),
  kind: GuardRuleKind.optional(),
  status: GuardRuleStatus.optional(),
});
export type ListGuardRulesQuery = z.infer<typeof ListGuardRulesQuery>;

export const GUARD_TEXT_MAX = 10_000;
export const GuardCheckInput = z
  .object({
    conversationId: z.uuid().optional(),
    storeId: z.uuid().optional(),
    text: text().max(GUARD_TEXT_MAX),
  })
  .strict()
  .refine((c) => c.conversationId || c.storeId, { path: ['conversationId'], message: 'conversationId or storeId is required' });
export type GuardCheckInput = z.infer<typeof GuardCheckInput>;

/** One broken rule: `start`/`end` are UTF-16 offsets into the text as sent (what the console highlights). */
export const GuardViolation = z.object({
  ruleId: text(),
  kind: GuardRuleKind,
  action: GuardAction,
  start: z.number().int(),
  end: z.number().int(),
  match: text(),
  message: GuardMessage,
});
export type GuardViolation = z.infer<typeof GuardViolation>;

export const GuardCheckResult = z.object({ violations: z.array(GuardViolation) });
export type GuardCheckResult = z.infer<typeof GuardCheckResult>;

/** Error codes of a refused reply (422, with `violations`). */
/** The override of warn rules an agent sends with a reply. */
export const GuardConfirm = z.object({ reason: text().trim().min(1, 'must not be empty').max(500) }).strict();

/** The categories a store sells, which category-limited rules apply to. */
export const StoreGuardProfile = z.object({ storeId: text(), categories: z.array(text()) });
export type StoreGuardProfile = z.infer<typeof StoreGuardProfile>;
export const PutStoreGuardProfileInput = z.object({ categories: z.array(GuardCategory).max(50) }).strict();
export type PutStoreGuardProfileInput = z.infer<typeof PutStoreGuardProfileInput>;

// --- quality review ---------------------------------------------------------------------------

/** `blocked`: a reply refused by a block rule; `override`: sent despite warn rules, with a reason. */
export const GuardEventKind = z.enum(['blocked', 'override']);
export type GuardEventKind = z.infer<typeof GuardEventKind>;

export const GuardEvent = z.object({
  id: text(),
  kind: GuardEventKind,
  storeId: text(),
  conversationId: text(),
  agentId: text(),
  agentName: text().nullable(),
  ruleIds: z.array(text()),
  /** The broken rules and matched spans (not the whole reply). */
  violations: z.array(GuardViolation),
  reason: text().nullable(),
  messageId: text().nullable(),
  at: text(),
});
export type GuardEvent = z.infer<typeof GuardEvent>;

export const ListGuardEventsQuery = PageQuery.extend({
  storeId: z.uuid().optional(),
  agentId: z.uuid().optional(),
  ruleId: z.uuid().optional(),
  kind: GuardEventKind.optional(),
  /** The period, as `GET /api/guard/stats` takes it (no bound when left out). */
  from: instant().optional(),
  to: instant().optional(),
});
export type ListGuardEventsQuery = z.infer<typeof ListGuardEventsQuery>;

/** Default period: the last 7 days. */
export const GuardStatsQuery = z.object({
  from: instant().optional(),
  to: instant().optional(),
  storeId: z.uuid().optional(),
  groupBy: z.enum(['store', 'agent', 'rule', 'day']).default('store'),
});
export type GuardStatsQuery = z.infer<typeof GuardStatsQuery>;

/** Violations (blocked attempts and overrides) per 1,000 replies sent in the period. */
export const GuardStatsRow = z.object({
  storeId: text().optional(),
  agentId: text().optional(),
  ruleId: text().optional(),
  day: text().optional(),
  replies: z.number(),
  blocked: z.number(),
  overrides: z.number(),
  per1000: z.number(),
});
export type GuardStatsRow = z.infer<typeof GuardStatsRow>;

/** `GET /api/guard/review/sample`: recent conversations drawn at random for a quality review. */
export const GuardReviewSample = z.object({
  items: z.array(z.object({ conversationId: text(), storeId: text(), assigneeId: text().nullable(), lastMessageAt: text() })),
});
export type GuardReviewSample = z.infer<typeof GuardReviewSample>;

/** What a score may rate beside the overall one. */
export const GUARD_REVIEW_CRITERIA = ['accuracy', 'courtesy', 'compliance', 'resolution'] as const;
export const GuardReviewCriterion = z.enum(GUARD_REVIEW_CRITERIA);
export type GuardReviewCriterion = z.infer<typeof GuardReviewCriterion>;
export const GUARD_SCORE_MIN = 1;
export const GUARD_SCORE_MAX = 5;
const Score = z.int('must be a whole number from 1 to 5').min(GUARD_SCORE_MIN, 'must be from 1 to 5').max(GUARD_SCORE_MAX, 'must be from 1 to 5');

/** `POST /api/guard/review/scores`: a supervisor's score of a conversation; scoring it again replaces their score. */
export const CreateGuardReviewScoreInput = z
  .object({
    conversationId: z.uuid(),
    score: Score,
    criteria: z.partialRecord(GuardReviewCriterion, Score).default({}),
    comment: text().trim().max(2000).nullable().default(null),
  })
  .strict();
export type CreateGuardReviewScoreInput = z.infer<typeof CreateGuardReviewScoreInput>;

export const GuardReviewScore = z.object({
  id: text(),
  conversationId: text(),
  storeId: text(),
  /** Whose work is scored: the conversation's assignee when scored, else its last replying agent. */
  agentId: text().nullable(),
  agentName: text().nullable(),
  reviewerId: text(),
  reviewerName: text().nullable(),
  score: z.number(),
  criteria: z.partialRecord(GuardReviewCriterion, z.number()),
  comment: text().nullable(),
  createdAt: text(),
  updatedAt: text(),
});
export type GuardReviewScore = z.infer<typeof GuardReviewScore>;

/** Newest first; the period bounds when the score was last given. */
export const ListGuardReviewScoresQuery = PageQuery.extend({
  storeId: z.uuid().optional(),
  agentId: z.uuid().optional(),
  conversationId: z.uuid().optional(),
  from: instant().optional(),
  to: instant().optional(),
});
export type ListGuardReviewScoresQuery = z.infer<typeof ListGuardReviewScoresQuery>;

/** A rule a saved text (a quick reply, an article) breaks, and in which of its fields; the text is saved all the same. */
export const GuardWarning = GuardViolation.extend({ field: text() });
export type GuardWarning = z.infer<typeof GuardWarning>;

// --- platform rule changes --------------------------------------------------------------------

/** A guard rule a rule change brings in: for the change's platform, in force from its `effectiveAt`. */
export const RuleChangeGuardRuleInput = z
  .object({
    kind: GuardRuleKind,
    category: GuardCategory.nullable().default(null),
    terms: ruleFields.terms,
    exceptions: ruleFields.exceptions,
    pattern: ruleFields.pattern,
    action: GuardAction,
    message: GuardMessage,
  })
  .strict()
  .superRefine(needsItsField);

export const CreateRuleChangeInput = z
  .object({
    platform: Platform,
    title: text().trim().min(1, 'must not be empty').max(200),
    summary: text().trim().min(1, 'must not be empty').max(5000),
    effectiveAt: instant(),
    categories: z.array(GuardCategory).max(50).default([]),
    link: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000).nullable().default(null),
    guardRules: z.array(RuleChangeGuardRuleInput).max(50).default([]),
    /** When agents must have acknowledged it by; default `effectiveAt`. */
    ackDueAt: instant().optional(),
  })
  .strict();
export type CreateRuleChangeInput = z.infer<typeof CreateRuleChangeInput>;

/** What a rule change asks to review: texts of the desk that contain the change's terms. */
export const RuleChangeReview = z.object({
  stores: z.array(z.object({ id: text(), name: text() })),
  articles: z.array(z.object({ id: text(), storeId: text().nullable(), title: text(), terms: z.array(text()) })),
  quickReplies: z.array(z.object({ id: text(), storeId: text().nullable(), shortcut: text(), terms: z.array(text()) })),
  /** Stores whose customer-update templates or excluded return categories contain a term. */
  templates: z.array(z.object({ storeId: text(), name: text(), terms: z.array(text()) })),
});
export type RuleChangeReview = z.infer<typeof RuleChangeReview>;

export const RuleChangeProgress = z.object({
  required: z.number(),
  acknowledged: z.number(),
  /** Agents of affected stores who have not acknowledged yet. */
  pending: z.array(z.object({ userId: text(), name: text() })),
});

export const RuleChange = z.object({
  id: text(),
  platform: Platform,
  title: text(),
  summary: text(),
  effectiveAt: text(),
  ackDueAt: text(),
  categories: z.array(text()),
  link: text().nullable(),
  guardRuleIds: z.array(text()),
  storeIds: z.array(text()),
  createdById: text(),
  createdAt: text(),
  /** When the caller acknowledged it (null: not yet, or they need not). */
  acknowledgedAt: text().nullable(),
  /** Whether the caller serves an affected store and must acknowledge. */
  ackRequired: z.boolean(),
  /** For supervisors and admins. */
  progress: RuleChangeProgress.optional(),
  /** Given once, in the answer to the publication. */
  review: RuleChangeReview.optional(),
});
export type RuleChange = z.infer<typeof RuleChange>;

export const ListRuleChangesQuery = PageQuery.extend({ platform: Platform.optional(), pending: z.enum(['true', 'false']).optional() });
export type ListRuleChangesQuery = z.infer<typeof ListRuleChangesQuery>;

/** `rule_change.published`: to every agent serving an affected store (and the leads); `storeId` is the first affected store. */
export const RuleChangePublishedEvent = RuleChange.extend({ storeId: text() });
export type RuleChangePublishedEvent = z.infer<typeof RuleChangePublishedEvent>;
/** `rule_change.acknowledged`: to the leads of the affected stores. */
export const RuleChangeAcknowledgedEvent = z.object({ ruleChangeId: text(), userId: text(), storeId: text(), at: text() });
export type RuleChangeAcknowledgedEvent = z.infer<typeof RuleChangeAcknowledgedEvent>;
