import { CONVERSATION_STATUSES, type ConversationFilter, type ConversationStatus } from '@kefu/contracts';

/** `queue`: my open chats, most urgent first (breached, then by SLA due); the others newest activity first. */
export type InboxView = 'queue' | 'all' | 'mine' | 'unassigned';
export const INBOX_VIEWS: readonly InboxView[] = ['queue', 'mine', 'unassigned', 'all'];
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

/** My open chats, most urgent first: the queue view, the title badge and the notifications read this one list. */
export const MY_QUEUE: ConversationFilter = { assigneeId: 'me', status: 'open', sort: 'sla' };

/** The list the API answers for these filters (the queue: my open chats by SLA due). */
export function toFilter(f: InboxFilters): ConversationFilter {
  if (f.view === 'queue') return { ...MY_QUEUE, storeId: f.storeId || undefined, q: f.q.trim() || undefined };
  return {
    status: f.status === 'all' ? undefined : f.status,
    storeId: f.storeId || undefined,
    assigneeId: f.view === 'mine' ? 'me' : f.view === 'unassigned' ? 'none' : undefined,
    q: f.q.trim() || undefined,
    sort: 'activity',
  };
}

// The view, store and status an agent works with are remembered per user; the search box is not.
const storageKey = (userId: string) => `kefu.inboxFilters.${userId}`;

export function loadFilters(userId: string): InboxFilters {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey(userId)) ?? 'null') as Partial<InboxFilters> | null;
    if (!saved) return DEFAULT_FILTERS;
    return {
      view: INBOX_VIEWS.includes(saved.view as InboxView) ? (saved.view as InboxView) : 'all',
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
