import { useEffect, useEffectEvent } from 'react';

/** Text boxes (and selects) own their keys; the desk shortcuts apply everywhere else. */
export function isTextField(el: EventTarget | null): el is HTMLElement {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(el.type);
  return false;
}

interface Handlers {
  move(delta: 1 | -1): void;
  openCursor(): void;
  focusSearch(): void;
  focusReply(): void;
  /** Opens the "new ticket" dialog of the open conversation. */
  openTicket(): void;
}

/**
 * j/k or ↓/↑ move through the inbox, Enter opens, `/` focuses the search, `r` the reply box, `t`
 * opens an after-sales ticket for the open conversation; Esc leaves any text box.
 */
export function useDeskShortcuts(handlers: Handlers): void {
  const onKeyDown = useEffectEvent((e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing) return;
    // An open dialog owns the keyboard (its radios answer the arrows, the browser answers Esc).
    if (e.target instanceof Element && e.target.closest('dialog[open]')) return;
    if (e.key === 'Escape') {
      if (isTextField(e.target)) {
        e.preventDefault();
        e.target.blur();
      }
      return;
    }
    if (isTextField(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    // A focused link or button answers Enter itself (it is the row or control the user moved to).
    const onControl = e.target instanceof HTMLAnchorElement || e.target instanceof HTMLButtonElement;
    switch (e.key) {
      case 'j':
      case 'ArrowDown':
        e.preventDefault();
        handlers.move(1);
        break;
      case 'k':
      case 'ArrowUp':
        e.preventDefault();
        handlers.move(-1);
        break;
      case 'Enter':
        if (onControl) return;
        e.preventDefault();
        handlers.openCursor();
        break;
      case '/':
        e.preventDefault();
        handlers.focusSearch();
        break;
      case 'r':
      case 'R':
        if (e.shiftKey && e.key === 'r') return;
        e.preventDefault();
        handlers.focusReply();
        break;
      case 't':
      case 'T':
        e.preventDefault();
        handlers.openTicket();
        break;
    }
  });

  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKeyDown(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
