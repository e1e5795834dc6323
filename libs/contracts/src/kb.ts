// FAQ knowledge base (issue 6): articles with version history, search, suggestions for a
// conversation, quick replies, synonyms, usage and feedback.
import { z } from 'zod';
import { instant, text } from './input.js';
import { Language } from './domain.js';
import { GuardWarning } from './guard.js';

export const KB_ARTICLE_STATUSES = ['draft', 'published'] as const;
export const KbArticleStatus = z.enum(KB_ARTICLE_STATUSES);
export type KbArticleStatus = z.infer<typeof KbArticleStatus>;

/** Variables an article or quick reply may contain; suggestions fill them in for the conversation. */
export const KB_VARIABLES = ['customerName', 'orderRef', 'storeName'] as const;
export type KbVariable = (typeof KB_VARIABLES)[number];

const trimmed = (max: number) => text().trim().max(max);
/** A topic groups the variants of one answer: a store's article hides the global one with the same topic. */
const Topic = text()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be a key of letters, digits, dots and dashes, e.g. returns.no-reason');
const Tags = z.array(text().trim().min(1, 'must not be empty').max(32)).max(20);

export const KbArticle = z.object({
  id: text(),
  /** null: a global article, visible for every store. */
  storeId: text().nullable(),
  lang: Language,
  topic: text().nullable(),
  title: text(),
  /** One or two sentences to insert into a reply. */
  shortAnswer: text(),
  body: text(),
  tags: z.array(text()),
  status: KbArticleStatus,
  /** Starts at 1; every change that alters the article adds one. */
  version: z.number(),
  createdById: text().nullable(),
  updatedById: text().nullable(),
  createdAt: text(),
  updatedAt: text(),
});
export type KbArticle = z.infer<typeof KbArticle>;

/** The answer to saving an article: what its short answer and body break of the guard rules where it applies (saved all the same). */
export const KbArticleSaved = KbArticle.extend({ guardWarnings: z.array(GuardWarning) });
export type KbArticleSaved = z.infer<typeof KbArticleSaved>;

export const CreateKbArticleInput = z
  .object({
    storeId: z.uuid().nullable().default(null),
    lang: Language,
    topic: Topic.nullable().default(null),
    title: trimmed(200).min(1, 'must not be empty'),
    shortAnswer: trimmed(500).default(''),
    body: trimmed(20_000).min(1, 'must not be empty'),
    tags: Tags.default([]),
    status: KbArticleStatus.default('draft'),
  })
  .strict();
export type CreateKbArticleInput = z.infer<typeof CreateKbArticleInput>;

export const UpdateKbArticleInput = z
  .object({
    lang: Language.optional(),
    topic: Topic.nullable().optional(),
    title: trimmed(200).min(1, 'must not be empty').optional(),
    shortAnswer: trimmed(500).optional(),
    body: trimmed(20_000).min(1, 'must not be empty').optional(),
    tags: Tags.optional(),
    status: KbArticleStatus.optional(),
    /** The version the editor started from: a newer one on the server answers 409 instead of overwriting it. */
    version: z.number().int().positive().max(2_147_483_647).optional(),
  })
  .strict();
export type UpdateKbArticleInput = z.infer<typeof UpdateKbArticleInput>;

export const ListKbArticlesQuery = z.object({
  /** A store's own articles, or `global`; without it every article the caller may see. */
  storeId: z.union([z.uuid(), z.literal('global')]).optional(),
  lang: Language.optional(),
  status: KbArticleStatus.optional(),
  topic: text().trim().max(64).optional(),
  tag: text().trim().max(32).optional(),
  /** Part of the title. */
  q: text().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: text().max(200).optional(),
});
export type ListKbArticlesQuery = z.infer<typeof ListKbArticlesQuery>;

/** One stored version of an article: the whole article as it was after a change, and who made it. */
export const KbArticleVersion = z.object({
  id: text(),
  articleId: text(),
  version: z.number(),
  storeId: text().nullable(),
  lang: Language,
  topic: text().nullable(),
  title: text(),
  shortAnswer: text(),
  body: text(),
  tags: z.array(text()),
  status: KbArticleStatus,
  /** Fields that differ from the previous version (every field for version 1). */
  changedFields: z.array(text()),
  changedById: text().nullable(),
  changedByName: text().nullable(),
  changedAt: text(),
});
export type KbArticleVersion = z.infer<typeof KbArticleVersion>;

export const KbSearchQuery = z.object({
  q: text().trim().min(1, 'must not be empty').max(500),
  /** Search as this store sees it: its articles and the global ones it does not override. */
  storeId: z.uuid().optional(),
  lang: Language.optional(),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export type KbSearchQuery = z.infer<typeof KbSearchQuery>;

export const KbSearchHit = z.object({
  article: KbArticle,
  /** 0..1: how much of the query the article covers, title matches counting most; below the threshold nothing is returned. */
  score: z.number(),
});
export type KbSearchHit = z.infer<typeof KbSearchHit>;
export const KbSearchResult = z.object({ items: z.array(KbSearchHit) });
export type KbSearchResult = z.infer<typeof KbSearchResult>;

export const KbSuggestQuery = z.object({ conversationId: z.uuid() });
export type KbSuggestQuery = z.infer<typeof KbSuggestQuery>;

export const KbSuggestion = KbSearchHit.extend({
  /** The short answer and body with `{customerName}`, `{orderRef}`, `{storeName}` filled in; an unknown value stays as its placeholder. */
  filled: z.object({ shortAnswer: text(), body: text(), missing: z.array(text()) }),
});
export type KbSuggestion = z.infer<typeof KbSuggestion>;
export const KbSuggestResult = z.object({
  items: z.array(KbSuggestion),
  /** The customer's messages the suggestions answer (those since the last agent reply, at most 3); empty when there are none. */
  query: text(),
});
export type KbSuggestResult = z.infer<typeof KbSuggestResult>;

export const KbSynonymGroup = z.object({
  id: text(),
  terms: z.array(text()),
  createdById: text().nullable(),
  createdAt: text(),
});
export type KbSynonymGroup = z.infer<typeof KbSynonymGroup>;

export const CreateKbSynonymGroupInput = z
  .object({
    terms: z
      .array(text().trim().toLowerCase().min(1, 'must not be empty').max(40))
      .max(20)
      .transform((terms) => [...new Set(terms)])
      .refine((terms) => terms.length >= 2, 'needs at least two different terms'),
  })
  .strict();
export type CreateKbSynonymGroupInput = z.infer<typeof CreateKbSynonymGroupInput>;

export const QuickReply = z.object({
  id: text(),
  storeId: text().nullable(),
  /** What the agent types after `/`, e.g. `thanks`. */
  shortcut: text(),
  title: text(),
  body: text(),
  /** null: any language. */
  lang: Language.nullable(),
  createdAt: text(),
  updatedAt: text(),
});
export type QuickReply = z.infer<typeof QuickReply>;

/** The answer to saving a quick reply: what its body breaks of the guard rules where it applies (saved all the same). */
export const QuickReplySaved = QuickReply.extend({ guardWarnings: z.array(GuardWarning) });
export type QuickReplySaved = z.infer<typeof QuickReplySaved>;

const Shortcut = text()
  .trim()
  .toLowerCase()
  .transform((s) => s.replace(/^\//, ''))
  .pipe(text().regex(/^[\p{L}\p{N}_-]{1,32}$/u, 'must be 1–32 letters, digits, _ or -'));

export const CreateQuickReplyInput = z
  .object({
    storeId: z.uuid().nullable().default(null),
    shortcut: Shortcut,
    title: trimmed(80).min(1, 'must not be empty'),
    body: trimmed(2000).min(1, 'must not be empty'),
    lang: Language.nullable().default(null),
  })
  .strict();
export type CreateQuickReplyInput = z.infer<typeof CreateQuickReplyInput>;

export const UpdateQuickReplyInput = z
  .object({
    shortcut: Shortcut.optional(),
    title: trimmed(80).min(1, 'must not be empty').optional(),
    body: trimmed(2000).min(1, 'must not be empty').optional(),
    lang: Language.nullable().optional(),
  })
  .strict();
export type UpdateQuickReplyInput = z.infer<typeof UpdateQuickReplyInput>;

export const ListQuickRepliesQuery = z.object({
  /** A store's quick replies and the global ones (or only the global ones with `global`). */
  storeId: z.union([z.uuid(), z.literal('global')]).optional(),
  lang: Language.optional(),
  /** Start of the shortcut, e.g. what the agent typed after `/`. */
  q: text().trim().toLowerCase().max(32).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(200),
  cursor: text().max(200).optional(),
});
export type ListQuickRepliesQuery = z.infer<typeof ListQuickRepliesQuery>;

/** An article was inserted into a reply. */
export const KbUsageInput = z.object({ conversationId: z.uuid(), messageId: z.uuid().optional() }).strict();
export type KbUsageInput = z.infer<typeof KbUsageInput>;
export const KbUsage = z.object({
  id: text(),
  articleId: text(),
  conversationId: text(),
  messageId: text().nullable(),
  userId: text().nullable(),
  at: text(),
});
export type KbUsage = z.infer<typeof KbUsage>;

export const KbFeedbackInput = z.object({ conversationId: z.uuid().optional(), helpful: z.boolean() }).strict();
export type KbFeedbackInput = z.infer<typeof KbFeedbackInput>;
export const KbFeedback = z.object({
  id: text(),
  articleId: text(),
  conversationId: text().nullable(),
  helpful: z.boolean(),
  userId: text().nullable(),
  at: text(),
});
export type KbFeedback = z.infer<typeof KbFeedback>;

export const KbStatsQuery = z
  .object({
    storeId: z.uuid().optional(),
    from: instant().optional(),
    to: instant().optional(),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: 'must be after from', path: ['to'] });
export type KbStatsQuery = z.infer<typeof KbStatsQuery>;

export const KbStats = z.object({
  mostUsed: z.array(z.object({ article: KbArticle, uses: z.number() })),
  leastHelpful: z.array(z.object({ article: KbArticle, helpful: z.number(), unhelpful: z.number() })),
  /** Searches and suggestions that found nothing, by normalised query text. */
  gaps: z.array(z.object({ query: text(), storeId: text().nullable(), lang: Language, count: z.number(), lastSeenAt: text() })),
});
export type KbStats = z.infer<typeof KbStats>;

// ── Similar questions (相似问法, issue 19) ───────────────────────────────────────────────────────
/**
 * Other ways customers ask an article's question. `accepted` ones count in the article's ranking
 * like its title; the desk `proposed` them from what agents did (an article inserted into a reply to
 * a customer's message: the customer's question is proposed for that article) until a supervisor
 * accepts or rejects them; a rejected one is never proposed again.
 */
export const KB_QUESTION_STATUSES = ['proposed', 'accepted', 'rejected'] as const;
export const KbQuestionStatus = z.enum(KB_QUESTION_STATUSES);
export type KbQuestionStatus = z.infer<typeof KbQuestionStatus>;
/** `usage`: proposed from an article inserted into a reply; `manual`: written by a supervisor. */
export const KbQuestionSource = z.enum(['usage', 'manual']);
export type KbQuestionSource = z.infer<typeof KbQuestionSource>;

export const KbArticleQuestion = z.object({
  id: text(),
  articleId: text(),
  /** The store whose customer asked it (a proposal), or the article's store; null: written for a global article. */
  storeId: text().nullable(),
  /** The question, personal data masked. */
  text: text(),
  lang: Language,
  status: KbQuestionStatus,
  source: KbQuestionSource,
  /** How many times agents' replies proposed it. */
  proposals: z.number(),
  /** Where it was last proposed from. */
  conversationId: text().nullable(),
  messageId: text().nullable(),
  proposedById: text().nullable(),
  decidedById: text().nullable(),
  decidedAt: text().nullable(),
  createdAt: text(),
  updatedAt: text(),
});
export type KbArticleQuestion = z.infer<typeof KbArticleQuestion>;

/** A question with the article it belongs to (the supervisor's list of proposals). */
export const KbQuestionWithArticle = KbArticleQuestion.extend({
  article: z.object({ id: text(), storeId: text().nullable(), lang: Language, topic: text().nullable(), title: text() }),
});
export type KbQuestionWithArticle = z.infer<typeof KbQuestionWithArticle>;

/** `kb.question.updated`: the question after a decision, or `deleted`. */
export const KbQuestionUpdatedEvent = KbQuestionWithArticle.extend({ status: z.union([KbQuestionStatus, z.literal('deleted')]) });
export type KbQuestionUpdatedEvent = z.infer<typeof KbQuestionUpdatedEvent>;

const QuestionText = trimmed(200).min(1, 'must not be empty');

/** A supervisor adds a similar question by hand: accepted at once. */
export const CreateKbQuestionInput = z.object({ text: QuestionText }).strict();
export type CreateKbQuestionInput = z.infer<typeof CreateKbQuestionInput>;

/** Accept or reject a proposal (or change an accepted question back), optionally rewording it. */
export const UpdateKbQuestionInput = z
  .object({ status: z.enum(['accepted', 'rejected']).optional(), text: QuestionText.optional() })
  .strict()
  .refine((u) => u.status !== undefined || u.text !== undefined, { message: 'needs status or text', path: ['status'] });
export type UpdateKbQuestionInput = z.infer<typeof UpdateKbQuestionInput>;

export const ListKbArticleQuestionsQuery = z.object({
  status: KbQuestionStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: text().max(200).optional(),
});
export type ListKbArticleQuestionsQuery = z.infer<typeof ListKbArticleQuestionsQuery>;

/** The proposals waiting for a decision (or another status), most recently proposed first. */
export const ListKbQuestionsQuery = z.object({
  status: KbQuestionStatus.default('proposed'),
  storeId: z.uuid().optional(),
  articleId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: text().max(200).optional(),
});
export type ListKbQuestionsQuery = z.infer<typeof ListKbQuestionsQuery>;
