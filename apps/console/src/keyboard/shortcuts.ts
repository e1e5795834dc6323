import { useEffect, useEffectEvent, type RefObject } from 'react';

/** Text boxes (and selects) own their keys; the desk shortcuts apply everywhere else. */
export function isTextField(el: EventTarget | null): el is HTMLElement {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(el.type);
  return false;
}

/**
 * A screen's keys, by `KeyboardEvent.key` (`E` is Shift+E). A handler that returns `false` did not use the key: the
 * screen registered before it gets it (the inbox lets the open conversation answer R when the cursor is on it).
 */
export type ShortcutMap = Partial<Record<string, (e: KeyboardEvent) => void | boolean>>;

const scopes: { id: number; priority: number; keys: () => ShortcutMap }[] = [];
let nextId = 1;

function dispatch(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.isComposing) return;
  // An open dialog owns the keyboard (its radios answer the arrows, the browser answers Esc).
  if (e.target instanceof Element && e.target.closest('dialog[open]')) return;
  if (e.key === 'Escape' && isTextField(e.target)) {
    e.preventDefault();
    e.target.blur();
    return;
  }
  if (isTextField(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
  // A focused link or button answers Enter and Space itself (it is the row or control the user moved to).
  const onControl = e.target instanceof HTMLAnchorElement || e.target instanceof HTMLButtonElement;
  if (onControl && (e.key === 'Enter' || e.key === ' ')) return;
  // Higher priority first, then the latest registered.
  const order = [...scopes].sort((a, b) => b.priority - a.priority || b.id - a.id);
  for (const scope of order) {
    const handler = scope.keys()[e.key];
    if (!handler) continue;
    if (handler(e) === false) continue;
    e.preventDefault();
    return;
  }
}

let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  window.addEventListener('keydown', dispatch);
}

/**
 * Registers the keys of a screen while it is shown (and `enabled`). Of two screens with the same key, the one of higher
 * `priority` is asked first (the inbox, 1, decides about R before the open conversation, 0), else the latest mounted;
 * a handler returning false passes the key on. Handlers always see the latest render.
 */
export function useShortcuts(keys: ShortcutMap, enabled = true, priority = 0): void {
  const current = useEffectEvent(() => keys);
  useEffect(() => {
    if (!enabled) return;
    listen();
    const scope = { id: nextId++, priority, keys: () => current() };
    scopes.push(scope);
    return () => {
      const index = scopes.findIndex((s) => s.id === scope.id);
      if (index !== -1) scopes.splice(index, 1);
    };
  }, [enabled, priority]);
}

/** J/K on a list screen: the next or previous row (`selector`) inside `container` gets the focus (Enter then opens it). */
export function focusRow(container: HTMLElement | null, selector: string, delta: 1 | -1): void {
  const rows = [...(container?.querySelectorAll<HTMLElement>(selector) ?? [])];
  if (rows.length === 0) return;
  const from = rows.indexOf(document.activeElement as HTMLElement);
  const next = rows[from === -1 ? (delta === 1 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, from + delta))];
  next.focus();
  next.scrollIntoView({ block: 'nearest' });
}

/** The J/K (↓/↑) keys of a list screen over its rows (`selector` inside `container`), and `/` to its search box. */
export function useListShortcuts(container: RefObject<HTMLElement | null>, selector: string, search: RefObject<HTMLElement | null> | (() => HTMLElement | null)): void {
  const down = () => focusRow(container.current, selector, 1);
  const up = () => focusRow(container.current, selector, -1);
  useShortcuts({ j: down, ArrowDown: down, k: up, ArrowUp: up, '/': () => (typeof search === 'function' ? search() : search.current)?.focus() });
}
