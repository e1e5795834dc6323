import { useCallback, useState } from 'react';

// Whether the sidebar's short list of shortcuts is open, in this browser: as last chosen, else open unless the
// window is too short to show it beside the stores and the footer (the full list is on the empty conversation pane).
const KEY = 'kefu.sidebar.shortcuts';
const SHORT_WINDOW = '(max-height: 760px)';

function initial(): boolean {
  try {
    const chosen = localStorage.getItem(KEY);
    if (chosen) return chosen === 'open';
  } catch {
    // storage refused: the window decides
  }
  return !window.matchMedia?.(SHORT_WINDOW).matches;
}

export function useSidebarShortcutsOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(initial);
  const set = useCallback((next: boolean) => {
    setOpen(next);
    try {
      localStorage.setItem(KEY, next ? 'open' : 'closed');
    } catch {
      // not remembered
    }
  }, []);
  return [open, set];
}
