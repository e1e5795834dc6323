import type { KbArticle, KbArticleQuestion, KbArticleVersion, KbFeedback, KbSynonymGroup, KbUsage, QuickReply } from '@kefu/contracts';
import type { KbArticleQuestionEntity } from './kb-article-question.entity.js';
import type { KbArticleVersionEntity } from './kb-article-version.entity.js';
import type { KbArticleEntity } from './kb-article.entity.js';
import type { KbFeedbackEntity } from './kb-feedback.entity.js';
import type { KbSynonymGroupEntity } from './kb-synonym-group.entity.js';
import type { KbUsageEntity } from './kb-usage.entity.js';
import type { QuickReplyEntity } from './quick-reply.entity.js';

const iso = (d: Date | string) => new Date(d).toISOString();

export const toKbArticleDto = (a: KbArticleEntity): KbArticle => ({
  id: a.id,
  storeId: a.storeId,
  lang: a.lang,
  topic: a.topic,
  title: a.title,
  shortAnswer: a.shortAnswer,
  body: a.body,
  tags: a.tags,
  status: a.status,
  version: a.version,
  createdById: a.createdById,
  updatedById: a.updatedById,
  createdAt: iso(a.createdAt),
  updatedAt: iso(a.updatedAt),
});

export const toKbArticleVersionDto = (v: KbArticleVersionEntity, changedByName: string | null): KbArticleVersion => ({
  id: v.id,
  articleId: v.articleId,
  version: v.version,
  storeId: v.storeId,
  lang: v.lang,
  topic: v.topic,
  title: v.title,
  shortAnswer: v.shortAnswer,
  body: v.body,
  tags: v.tags,
  status: v.status,
  changedFields: v.changedFields,
  changedById: v.changedById,
  changedByName,
  changedAt: iso(v.changedAt),
});

export const toKbSynonymGroupDto = (g: KbSynonymGroupEntity): KbSynonymGroup => ({ id: g.id, terms: g.terms, createdById: g.createdById, createdAt: iso(g.createdAt) });

export const toQuickReplyDto = (q: QuickReplyEntity): QuickReply => ({
  id: q.id,
  storeId: q.storeId,
  shortcut: q.shortcut,
  title: q.title,
  body: q.body,
  lang: q.lang,
  createdAt: iso(q.createdAt),
  updatedAt: iso(q.updatedAt),
});

export const toKbUsageDto = (u: KbUsageEntity): KbUsage => ({ id: u.id, articleId: u.articleId, conversationId: u.conversationId, messageId: u.messageId, userId: u.userId, at: iso(u.at) });

export const toKbFeedbackDto = (f: KbFeedbackEntity): KbFeedback => ({
  id: f.id,
  articleId: f.articleId,
  conversationId: f.conversationId,
  helpful: f.helpful,
  userId: f.userId,
  at: iso(f.at),
});

export const toKbArticleQuestionDto = (q: KbArticleQuestionEntity): KbArticleQuestion => ({
  id: q.id,
  articleId: q.articleId,
  storeId: q.storeId,
  text: q.text,
  lang: q.lang,
  status: q.status,
  source: q.source,
  proposals: q.proposals,
  conversationId: q.conversationId,
  messageId: q.messageId,
  proposedById: q.proposedById,
  decidedById: q.decidedById,
  decidedAt: q.decidedAt ? iso(q.decidedAt) : null,
  createdAt: iso(q.createdAt),
  updatedAt: iso(q.updatedAt),
});
