import { useEffect, useEffectEvent, useState, type RefObject } from 'react';

export type ComposeMode = 'reply' | 'note';

/** Ctrl+/ (⌘/ on a Mac): between a reply to the customer and an internal note. */
export const isModeToggleKey = (e: { key: string; code?: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }) =>
  (e.ctrlKey || e.metaKey) && !e.altKey && (e.key === '/' || e.code === 'Slash');

/** Whether the composer writes a reply or a note; Ctrl+/ switches from anywhere in the conversation, the box keeps the focus. */
export function useComposeMode(textarea: RefObject<HTMLTextAreaElement | null>) {
  const [mode, setMode] = useState<ComposeMode>('reply');

  const choose = (next: ComposeMode) => {
    setMode(next);
    textarea.current?.focus();
  };
  const toggle = () => {
    setMode((m) => (m === 'reply' ? 'note' : 'reply'));
    textarea.current?.focus();
  };

  // Not only inside the text box; a dialog's keys are its own.
  const onWindowKey = useEffectEvent((e: globalThis.KeyboardEvent) => {
    if (e.defaultPrevented || !isModeToggleKey(e)) return;
    if (e.target instanceof Element && e.target.closest('dialog[open]')) return;
    e.preventDefault();
    toggle();
  });
  useEffect(() => {
    const listener = (e: globalThis.KeyboardEvent) => onWindowKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return { mode, choose, toggle };
}
