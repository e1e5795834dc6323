import { useCallback, useState } from 'react';
import { filterQuickReplies, slashTrigger, type SlashTrigger } from './kb-text';
import { useQuickReplies } from './useKb';

/**
 * The `/` menu of the reply box: the `/word` at the caret, the store's quick replies it matches (in the conversation's
 * language), the highlighted one, and whether the agent closed it (Esc) for this slash.
 */
export function useSlashMenu(storeId: string, lang: string | null) {
  const [trigger, setTrigger] = useState<SlashTrigger | null>(null);
  const [closedAt, setClosedAt] = useState<number | null>(null);
  const [index, setIndex] = useState(0);
  const menuOpen = trigger !== null && trigger.start !== closedAt;
  const quickReplies = useQuickReplies(storeId, menuOpen);
  const options = menuOpen ? filterQuickReplies(quickReplies.replies, trigger.query, lang) : [];
  const activeIndex = Math.min(index, Math.max(0, options.length - 1));

  /** Reads the `/` trigger at the caret (after typing, clicking or moving the caret). */
  const read = (el: HTMLTextAreaElement) => {
    const next = el.selectionStart === el.selectionEnd ? slashTrigger(el.value, el.selectionStart) : null;
    setTrigger((prev) => (prev?.start === next?.start && prev?.query === next?.query ? prev : next));
    if (!next || next.query !== trigger?.query) setIndex(0);
  };

  return {
    trigger: menuOpen ? trigger : null,
    menuOpen,
    options,
    activeIndex,
    loading: quickReplies.loading,
    failed: quickReplies.failed,
    read,
    /** The text no longer has the trigger (a reply was inserted or sent, the box lost the focus). */
    close: useCallback(() => setTrigger(null), []),
    /** Esc: this slash shows no menu any more (typing another one does). */
    dismiss: () => setClosedAt(trigger?.start ?? null),
    move: (delta: 1 | -1) => setIndex((activeIndex + delta + options.length) % options.length),
    hover: setIndex,
  };
}
