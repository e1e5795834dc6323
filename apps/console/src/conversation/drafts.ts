// Unsent text per conversation, kept while the tab lives: switching chats never loses a draft.
const drafts = new Map<string, string>();

export const readDraft = (conversationId: string): string => drafts.get(conversationId) ?? '';

export function writeDraft(conversationId: string, text: string): void {
  if (text) drafts.set(conversationId, text);
  else drafts.delete(conversationId);
}

// Knowledge-base articles inserted into the draft, so the reply that carries them records their use.
const draftArticles = new Map<string, string[]>();

export const readDraftArticles = (conversationId: string): string[] => draftArticles.get(conversationId) ?? [];

export function writeDraftArticles(conversationId: string, articleIds: string[]): void {
  if (articleIds.length > 0) draftArticles.set(conversationId, [...new Set(articleIds)]);
  else draftArticles.delete(conversationId);
}
