import { useCallback, useMemo } from 'react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useMe } from '../desk/me';
import { useDirectory } from '../desk/useDirectory';
import { useStores } from '../desk/useStores';
import type { InboxSearch } from '../routing/router';
import { DEFAULT_FILTERS, loadFilters, saveFilters, type InboxFilters } from './filters';
import { InboxScreen } from './InboxScreen';

/** The inbox's filters as the address gives them; what it leaves out, as this user last had it. */
export function filtersOf(search: InboxSearch, remembered: InboxFilters): InboxFilters {
  return {
    view: (search.view as InboxFilters['view'] | undefined) ?? remembered.view,
    storeId: search.store ?? remembered.storeId,
    status: search.status ?? remembered.status,
    q: search.q ?? '',
  };
}

const searchOf = (f: InboxFilters): InboxSearch => ({ view: f.view, store: f.storeId || undefined, status: f.status, q: f.q.trim() || undefined });

/** #/ and #/c/<id>(/t/<ticketId>): the inbox with its filters in the address, and the conversation open. */
export function InboxRoute() {
  const me = useMe();
  const params = useParams({ strict: false });
  const search = useSearch({ strict: false }) as InboxSearch;
  const navigate = useNavigate();
  const { stores, storesLoaded, storeById } = useStores();
  const directory = useDirectory(me);
  const remembered = useMemo(() => loadFilters(me.id), [me.id]);
  const { view, storeId, status, q } = filtersOf(search, remembered);
  // A remembered store the user no longer serves is dropped once the stores are known.
  const validStore = !storeId || !storesLoaded || storeById.has(storeId) ? storeId : '';
  const filters = useMemo(() => ({ view, storeId: validStore, status, q }), [view, validStore, status, q]);

  const changeFilters = useCallback(
    (patch: Partial<InboxFilters>) => {
      const next = { ...filters, ...patch };
      if (next.view === filters.view && next.storeId === filters.storeId && next.status === filters.status && next.q === filters.q) return;
      saveFilters(me.id, next);
      // Typing a search replaces the address; choosing a view or a store is a step back can undo.
      void navigate({ to: '.', search: searchOf(next), replace: patch.q !== undefined && Object.keys(patch).length === 1 });
    },
    [filters, me.id, navigate],
  );
  const clearFilters = useCallback(() => changeFilters({ ...DEFAULT_FILTERS, view: 'all' }), [changeFilters]);

  return (
    <InboxScreen
      me={me}
      filters={filters}
      onFiltersChange={changeFilters}
      onClearFilters={clearFilters}
      stores={stores}
      storeById={storeById}
      directory={directory}
      openId={params.conversationId ?? null}
      focusTicketId={params.ticketId ?? null}
    />
  );
}
