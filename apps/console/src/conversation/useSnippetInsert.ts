import type { KeyboardEvent, RefObject } from 'react';
import { fillVariables, findPlaceholders, insertAtCaret, replaceRange } from '../kb/kb-text';
import type { KbValues } from '../kb/useKb';
import type { useSlashMenu } from '../kb/useSlashMenu';
import type { ComposerDraft } from './useComposerDraft';

interface Inputs {
  textarea: RefObject<HTMLTextAreaElement | null>;
  draft: ComposerDraft;
  slashMenu: ReturnType<typeof useSlashMenu>;
  kbValues: KbValues;
  /** Sets the draft's text as typing would (clearing a send error). */
  changeText(value: string): void;
  onTyping(): void;
}

/**
 * Snippets into the composer: a quick reply picked from the `/` menu (in place of its `/word`) or a knowledge-base
 * answer at the caret, its variables filled in and the first one left blank selected, so typing replaces it.
 */
export function useSnippetInsert({ textarea, draft, slashMenu, kbValues, changeText, onTyping }: Inputs) {
  const { options, activeIndex } = slashMenu;

  /** After inserting `snippet` ending at `caret`: select its first unfilled variable, or put the caret after it. */
  const place = (value: string, caret: number, snippet: string) => {
    const start = caret - snippet.length;
    const hole = findPlaceholders(snippet)[0];
    changeText(value);
    if (hole) draft.selectAfterRender(start + hole.start, start + hole.end);
    else draft.selectAfterRender(caret);
    if (value) onTyping();
  };

  const insertQuickReply = (index: number) => {
    const reply = options[index];
    const el = textarea.current;
    const slash = slashMenu.trigger;
    if (!reply || !slash || !el) return;
    const snippet = fillVariables(reply.body, kbValues);
    const next = replaceRange(el.value, slash.start, slash.end, snippet);
    slashMenu.close();
    place(next.text, next.caret, snippet);
  };

  return {
    insertQuickReply,
    insertAtCaret(snippet: string, articleId?: string) {
      const el = textarea.current;
      const current = el?.value ?? draft.text;
      const next = insertAtCaret(current, el?.selectionStart ?? current.length, el?.selectionEnd ?? current.length, snippet);
      slashMenu.close();
      place(next.text, next.caret, snippet);
      if (articleId) draft.changeArticles([...draft.articleIds, articleId]);
    },
    /** The `/` menu owns the arrows, Enter, Tab and Esc while it is open: whether it took this key. */
    menuKey(e: KeyboardEvent<HTMLTextAreaElement>, composing: boolean): boolean {
      if (!slashMenu.menuOpen || composing || e.altKey || e.ctrlKey || e.metaKey) return false;
      if (e.key === 'Escape') {
        e.preventDefault();
        slashMenu.dismiss();
        return true;
      }
      if (options.length === 0) return false;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        slashMenu.move(e.key === 'ArrowDown' ? 1 : -1);
        return true;
      }
      if ((e.key === 'Enter' && !e.shiftKey) || e.key === 'Tab') {
        e.preventDefault();
        insertQuickReply(activeIndex);
        return true;
      }
      return false;
    },
  };
}
