import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { readDraft, readDraftArticles, writeDraft, writeDraftArticles } from './drafts';

/**
 * The composer's draft of one conversation: its text and the knowledge-base articles inserted into it, both kept while
 * the tab lives, and the caret (or selection) to put in the box once a text set from code is rendered.
 */
export function useComposerDraft(conversationId: string, textarea: RefObject<HTMLTextAreaElement | null>) {
  const [text, setText] = useState(() => readDraft(conversationId));
  const [articleIds, setArticleIds] = useState<string[]>(() => readDraftArticles(conversationId));
  const pendingSelection = useRef<[number, number] | null>(null);

  useLayoutEffect(() => {
    const sel = pendingSelection.current;
    const el = textarea.current;
    if (!sel || !el) return;
    pendingSelection.current = null;
    el.focus();
    el.setSelectionRange(sel[0], sel[1]);
  }, [text, textarea]);

  const change = (value: string) => {
    setText(value);
    writeDraft(conversationId, value);
  };
  const changeArticles = (ids: string[]) => {
    setArticleIds(ids);
    writeDraftArticles(conversationId, ids);
  };

  return {
    text,
    articleIds,
    change,
    changeArticles,
    /** Where the caret (or the selection) goes once the text just set is rendered. */
    selectAfterRender: (start: number, end = start) => {
      pendingSelection.current = [start, end];
    },
    /** A send failed: the text and articles sent come back, unless something new was typed meanwhile. */
    restore(sent: string, sentArticleIds: string[]) {
      setText((current) => {
        const restored = current ? current : sent;
        writeDraft(conversationId, restored);
        return restored;
      });
      setArticleIds((current) => {
        const restored = current.length ? current : sentArticleIds;
        writeDraftArticles(conversationId, restored);
        return restored;
      });
    },
  };
}

export type ComposerDraft = ReturnType<typeof useComposerDraft>;
