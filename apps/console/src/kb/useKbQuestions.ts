import { useCallback } from 'react';
import { DeskEvent, type KbArticle, type KbArticleQuestion, type KbQuestionStatus, type KbQuestionWithArticle, type UpdateKbQuestionInput } from '@kefu/contracts';
import { deskApi } from '../api/desk-api';
import { liveFamily, type LiveReducer } from '../data/live-cache';
import { applyRow, useLiveListQuery, type LiveList } from '../data/live-list';
import { useDeskLive } from '../live/DeskLiveProvider';

// Similar questions (相似问法): an article's own list in the editor and the supervisor's proposals, both kept live by
// `kb.question.proposed` / `kb.question.updated` (the console's own writes are published on the bus the same way).

type Question = KbArticleQuestion & Partial<Pick<KbQuestionWithArticle, 'article'>>;

/** The server's order of both lists: latest change first. */
export const byLatest = (a: Question, b: Question) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || (a.id < b.id ? 1 : -1);

/** The question an event carries, and whether it still exists. */
function questionOf(event: Parameters<LiveReducer<unknown>>[1]): { q: KbQuestionWithArticle; gone: boolean } | null {
  if (event.name === DeskEvent.KbQuestionProposed) return { q: event.payload, gone: false };
  if (event.name === DeskEvent.KbQuestionUpdated) {
    const { status, ...rest } = event.payload;
    return status === 'deleted' ? { q: { ...rest, status: 'rejected' }, gone: true } : { q: { ...rest, status }, gone: false };
  }
  return null;
}

export interface ProposalFilter {
  status: KbQuestionStatus;
  /** '' every store the caller sees. */
  storeId: string;
}

/** ['kbQuestions', filter]: the questions of a status (the proposals waiting, by default) over the caller's articles. */
export const KB_QUESTIONS = liveFamily<LiveList<KbQuestionWithArticle>>('kbQuestions', (list, event, key) => {
  const e = questionOf(event);
  if (!e) return list;
  const f = key[1] as ProposalFilter;
  const visible = !e.gone && e.q.status === f.status && (!f.storeId || e.q.storeId === f.storeId);
  return applyRow(list, e.q, visible, byLatest);
});

/** ['kbArticleQuestions', articleId]: every question of one article, whatever its status. */
export const KB_ARTICLE_QUESTIONS = liveFamily<LiveList<Question>>('kbArticleQuestions', (list, event, key) => {
  const e = questionOf(event);
  if (!e || e.q.articleId !== key[1]) return list;
  return applyRow<Question>(list, e.q, !e.gone, byLatest);
});

export const useProposals = (filter: ProposalFilter) =>
  useLiveListQuery<KbQuestionWithArticle>([KB_QUESTIONS, filter], (opts) => deskApi.kbQuestions({ status: filter.status, storeId: filter.storeId || undefined, ...opts }), byLatest);

export const useArticleQuestions = (articleId: string) => useLiveListQuery<Question>([KB_ARTICLE_QUESTIONS, articleId], () => deskApi.kbArticleQuestions(articleId), byLatest);

type ArticleRef = Pick<KbArticle, 'id' | 'storeId' | 'lang' | 'topic' | 'title'>;

/** Writes on similar questions; each answer goes on the live bus, so every list showing the question follows at once. */
export function useKbQuestionWrites() {
  const { bus } = useDeskLive();
  const add = useCallback(
    async (article: ArticleRef, text: string) => {
      const q = await deskApi.createKbQuestion(article.id, { text });
      bus.publish(DeskEvent.KbQuestionUpdated, { ...q, article: { id: article.id, storeId: article.storeId, lang: article.lang, topic: article.topic ?? null, title: article.title } });
      return q;
    },
    [bus],
  );
  const update = useCallback(
    async (id: string, input: UpdateKbQuestionInput) => {
      const q = await deskApi.updateKbQuestion(id, input);
      bus.publish(DeskEvent.KbQuestionUpdated, q);
      return q;
    },
    [bus],
  );
  const remove = useCallback(
    async (q: Question & { article: KbQuestionWithArticle['article'] }) => {
      await deskApi.deleteKbQuestion(q.id);
      bus.publish(DeskEvent.KbQuestionUpdated, { ...q, status: 'deleted' });
    },
    [bus],
  );
  return { add, update, remove };
}
