import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StoreSelect } from '../ui/StoreSelect';
import type { SlaBoardTimer } from '@kefu/contracts';
import { useShortcuts } from '../keyboard/shortcuts';
import { AssignMenu } from './AssignMenu';
import { Icon } from '../ui/icons';
import { useAgentPresence } from '../presence/usePresence';
import { AgentLoad } from './AgentLoad';
import { ReassignMenu, type ReassignOutcome, type ReassignSource } from './ReassignMenu';
import { BreachedList } from './BreachedList';
import { RunningTimers } from './RunningTimers';
import { SlaFigures } from './SlaFigures';
import { ResponseToday } from './ResponseToday';
import { WaitsAtRisk } from './WaitsAtRisk';
import { useResponseToday } from './useResponseToday';
import { periodTimezone } from '../analytics/period';
import { useSlaBoard } from './useSlaBoard';
import { isResponseTimer } from './board-state';
import { useMe } from '../desk/me';
import { useDirectory } from '../desk/useDirectory';
import { useStores } from '../desk/useStores';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { BoardSearch } from '../routing/router';

// The board's store filter is remembered per user, apart from the inbox's.
const storageKey = (userId: string) => `kefu.slaBoardStore.${userId}`;
const loadStoreFilter = (userId: string): string => {
  try {
    return localStorage.getItem(storageKey(userId)) ?? '';
  } catch {
    return '';
  }
};

/** The supervisors' SLA board: what is at risk now, what has breached, who carries the load. */
export function SlaBoard() {
  const me = useMe();
  const userId = me.id;
  const { stores, storesLoaded, storeById } = useStores();
  const directory = useDirectory(me);
  const { t } = useTranslation();
  // The view is in the address (#/sla?store=…&agent=…&wall=true); the store, when it names none, as last chosen.
  const search = useSearch({ from: '/sla' });
  const navigate = useNavigate({ from: '/sla' });
  const chosenStore = search.store ?? loadStoreFilter(userId);
  const setSearch = (patch: BoardSearch) => void navigate({ search: (prev) => ({ ...prev, ...patch }) });
  const setChosenStore = (store: string) => setSearch({ store });
  // A remembered store the user no longer sees is dropped once the stores are known.
  const storeId = chosenStore && storesLoaded && !storeById.has(chosenStore) ? '' : chosenStore;
  // "Today" begins at midnight where the store is (every store: where most of them are), as on the analysts' desk.
  const timezone = periodTimezone(stores, storeId);
  const all = useSlaBoard(storeId, timezone);
  // The platforms' clocks run on whether or not the desk's own response time ran out: both lists hold waits.
  const waiting = useMemo(() => [...all.running.items, ...all.breached.items], [all.running.items, all.breached.items]);
  const response = useResponseToday(storeId, timezone, waiting, storesLoaded);
  // The view per agent: only the clocks of that agent's chats ('none': the unassigned ones).
  const agentId = search.agent ?? '';
  const setAgentId = (agent: string) => setSearch({ agent: agent || undefined });
  const wall = search.wall === true;
  const setWall = (on: boolean) => setSearch({ wall: on || undefined });
  const [assigning, setAssigning] = useState<SlaBoardTimer | null>(null);
  const ofAgent = (list: typeof all.running) =>
    agentId ? { ...list, items: list.items.filter((r) => (agentId === 'none' ? r.assigneeId === null : r.assigneeId === agentId)), hidden: 0 } : list;
  const board = { ...all, running: ofAgent(all.running), breached: ofAgent(all.breached) };
  const agents = directory.users.filter((u) => u.role === 'agent' && u.active);
  // W puts the board on a wall screen (the sidebar hidden, big figures); Esc brings it back.
  useShortcuts({ w: () => setWall(!wall), Escape: () => (wall ? setWall(false) : false) });
  useEffect(() => {
    document.body.classList.toggle('wall-screen', wall);
    return () => document.body.classList.remove('wall-screen');
  }, [wall]);
  const presence = useAgentPresence(true);
  const [reassigning, setReassigning] = useState<ReassignSource | null>(null);
  const [outcome, setOutcome] = useState<ReassignOutcome | null>(null);
  const names = useMemo(() => {
    const map = new Map([...directory.userById].map(([id, u]) => [id, u.name]));
    for (const a of board.summary?.byAgent ?? []) if (!map.has(a.agentId)) map.set(a.agentId, a.agentName);
    return map;
  }, [directory.userById, board.summary]);

  useEffect(() => {
    try {
      localStorage.setItem(storageKey(userId), chosenStore);
    } catch {
      // not remembered
    }
  }, [userId, chosenStore]);

  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(null), 8_000);
    return () => clearTimeout(timer);
  }, [outcome]);

  const forbidden = board.running.error?.statusCode === 403 || board.summaryError?.statusCode === 403;

  return (
    <main className={`board${wall ? ' board--wall' : ''}`} data-testid="sla-board" aria-labelledby="sla-board-title" onKeyDown={moveBetweenRows}>
      <header className="board__header">
        <div className="board__heading">
          <h1 className="board__title" id="sla-board-title">
            {t('sla.title')}
          </h1>
          <p className="board__subtitle">{t('sla.subtitle')}</p>
        </div>
        <div className="board__tools">
          <StoreSelect
            testId="sla-filter-store"
            label={t('sla.store')}
            allLabel={t('sla.allStores')}
            stores={stores}
            value={storeId}
            onChange={setChosenStore}
          />
          <select className="select" data-testid="sla-filter-agent" aria-label={t('assign.agent')} value={agentId} onChange={(e) => setAgentId(e.target.value)}>
            <option value="">{t('assign.allAgents')}</option>
            <option value="none">{t('sla.unassigned')}</option>
            {agents.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className={`icon-button icon-button--bordered${wall ? ' is-active' : ''}`}
            data-testid="sla-wall"
            aria-pressed={wall}
            onClick={() => setWall(!wall)}
            title={wall ? t('assign.wallExit') : `${t('assign.wall')} (W)`}
            aria-label={t('assign.wall')}
          >
            <Icon name="monitor" size={15} />
          </button>
          <button type="button" className="icon-button icon-button--bordered" onClick={board.reload} title={t('sla.refresh')} aria-label={t('sla.refresh')}>
            <Icon name="refresh" size={15} />
          </button>
        </div>
      </header>

      {forbidden ? (
        <div className="board__forbidden" role="alert">
          <Icon name="lock" size={22} />
          <p>{t('sla.forbidden')}</p>
        </div>
      ) : (
        <>
          <SlaFigures
            figures={board.summary?.overall ?? null}
            running={board.running.items}
            runningTotal={board.running.loading ? null : board.running.items.length + board.running.hidden}
            breachedWaiting={board.breached.loading ? null : board.breached.items.filter(isResponseTimer).length}
          />
          <div className="board__platform" data-testid="platform-response">
            <ResponseToday {...response} timezone={timezone} onRetry={response.reload} storeById={storeById} />
            <WaitsAtRisk
              items={[...board.running.items, ...board.breached.items]}
              hidden={0}
              loading={board.running.loading}
              error={board.running.error}
              onRetry={board.reload}
              storeById={storeById}
              names={names}
              onAssign={setAssigning}
            />
          </div>
          <div className="board__grid">
            <RunningTimers {...board.running} onRetry={board.reload} storeById={storeById} names={names} onAssign={setAssigning} />
            <BreachedList {...board.breached} onRetry={board.reload} storeById={storeById} names={names} onAssign={setAssigning} />
            <AgentLoad
              agents={board.summary?.byAgent ?? null}
              loading={board.summaryLoading}
              error={board.summaryError}
              onRetry={board.reload}
              userById={directory.userById}
              presenceOf={presence.presenceOf}
              onReassign={(a) => {
                presence.reload(); // fresh loads for the list
                setOutcome(null);
                setReassigning({
                  id: a.agentId,
                  name: a.agentName,
                  openConversations: a.openConversations,
                  storeIds: directory.userById.get(a.agentId)?.storeIds ?? presence.agents?.find((p) => p.id === a.agentId)?.storeIds ?? null,
                });
              }}
            />
          </div>
        </>
      )}
      {assigning?.conversationId && (
        <AssignMenu
          conversationId={assigning.conversationId}
          storeId={assigning.storeId}
          customerName={assigning.customerName || t('sla.customer')}
          assigneeId={assigning.assigneeId}
          onClose={() => setAssigning(null)}
        />
      )}
      {reassigning && (
        <ReassignMenu
          source={reassigning}
          agents={presence.agents}
          agentsError={presence.error}
          onClose={() => setReassigning(null)}
          onDone={(result) => {
            setReassigning(null);
            setOutcome(result);
            board.reload();
            presence.reload();
          }}
        />
      )}
      {outcome && (
        <div className="toast" role="status" data-testid="reassign-result" data-moved={outcome.moved}>
          <Icon name="check" size={15} />
          <span>
            {outcome.moved === 0
              ? t('reassign.movedNone', { name: outcome.from })
              : outcome.to
                ? t('reassign.movedTo', { count: outcome.moved, name: outcome.from, to: outcome.to })
                : t('reassign.movedQueue', { count: outcome.moved, name: outcome.from })}
          </span>
          <button type="button" className="icon-button" onClick={() => setOutcome(null)} aria-label={t('common.dismiss')}>
            <Icon name="x" size={14} />
          </button>
        </div>
      )}
    </main>
  );
}

/** ↓/↑ (or j/k) move between the rows of a board list; Enter opens the focused row (it is a link). */
function moveBetweenRows(e: KeyboardEvent<HTMLElement>) {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  const delta = e.key === 'ArrowDown' || e.key === 'j' ? 1 : e.key === 'ArrowUp' || e.key === 'k' ? -1 : 0;
  if (delta === 0 || !(e.target instanceof HTMLElement)) return;
  const row = e.target.closest<HTMLElement>('[data-board-row]');
  const list = row?.closest<HTMLElement>('[data-board-list]');
  if (!row || !list) return;
  const rows = [...list.querySelectorAll<HTMLElement>('[data-board-row]')];
  const next = rows[rows.indexOf(row) + delta];
  e.preventDefault();
  next?.focus();
}
