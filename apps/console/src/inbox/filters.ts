import { CONVERSATION_STATUSES, type Conversation, type ConversationStatus } from '@kefu/contracts';
import type { ConversationQuery } from '../api/desk-api';

export type InboxView = 'all' | 'mine' | 'unassigned';
export type StatusFilter = ConversationStatus | 'all';

export interface InboxFilters {
  view: InboxView;
  storeId: string; // '' = every store
  status: StatusFilter;
  q: string;
}

export const DEFAULT_FILTERS: InboxFilters = { view: 'all', storeId: '', status: 'all', q: '' };
export const STATUS_FILTERS: StatusFilter[] = [...CONVERSATION_STATUSES, 'all'];

export const hasActiveFilters = (f: InboxFilters): boolean => f.storeId !== '' || f.status !== 'all' || f.q.trim() !== '' || f.view !== 'all';

/** The inbox query the API answers for these filters. */
export function toQuery(f: InboxFilters): ConversationQuery {
  return {
    status: f.status === 'all' ? undefined : f.status,
    storeId: f.storeId || undefined,
    assigneeId: f.view === 'mine' ? 'me' : f.view === 'unassigned' ? 'none' : undefined,
    q: f.q.trim() || undefined,
  };
}

/** The same filter as the API's, for rows that arrive live: a live row that does not match is not shown. */
export function matchesFilters(c: Conversation, f: InboxFilters, userId: string): boolean {
  if (f.status !== 'all' && c.status !== f.status) return false;
  if (f.storeId && c.storeId !== f.storeId) return false;
  if (f.view === 'mine' && c.assigneeId !== userId) return false;
  if (f.view === 'unassigned' && c.assigneeId !== null) return false;
  const needle = f.q.trim().toLowerCase();
  if (needle) {
    const haystack = [c.customer?.name, c.lastMessagePreview, c.orderRef];
    if (!haystack.some((h) => h?.toLowerCase().includes(needle))) return false;
  }
  return true;
}

// The view, store and status an agent works with are remembered per user; the search box is not.
const storageKey = (userId: string) => `kefu.inboxFilters.${userId}`;

export function loadFilters(userId: string): InboxFilters {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey(userId)) ?? 'null') as Partial<InboxFilters> | null;
    if (!saved) return DEFAULT_FILTERS;
    return {
      view: saved.view === 'mine' || saved.view === 'unassigned' ? saved.view : 'all',
      storeId: typeof saved.storeId === 'string' ? saved.storeId : '',
      status: STATUS_FILTERS.includes(saved.status as StatusFilter) ? (saved.status as StatusFilter) : 'all',
      q: '',
    };
  } catch {
    return DEFAULT_FILTERS;
  }
}

export function saveFilters(userId: string, f: InboxFilters): void {
  try {
    localStorage.setItem(storageKey(userId), JSON.stringify({ view: f.view, storeId: f.storeId, status: f.status }));
  } catch {
    // not remembered
  }
}
