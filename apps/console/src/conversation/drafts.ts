// Unsent text per conversation, kept while the tab lives: switching chats never loses a draft.
const drafts = new Map<string, string>();

export const readDraft = (conversationId: string): string => drafts.get(conversationId) ?? '';

export function writeDraft(conversationId: string, text: string): void {
  if (text) drafts.set(conversationId, text);
  else drafts.delete(conversationId);
}
