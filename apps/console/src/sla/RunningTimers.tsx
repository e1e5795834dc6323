import { useTranslation } from 'react-i18next';
import type { SlaBoardTimer, Store } from '@kefu/contracts';
import { useNow } from '../time/clock';
import { AgentName, AssignButton, BoardRow } from './BoardRow';
import { BoardPanel, PanelState, type BoardListProps } from './BoardPanel';
import { timerClock } from './board-state';
import { readSla } from './countdown';
import { SlaCountdown } from './SlaCountdown';

type Props = BoardListProps;

/** Running response clocks, most urgent first, each with a big live countdown. */
export function RunningTimers({ items, hidden, loading, error, onRetry, storeById, names, onAssign }: Props) {
  const { t } = useTranslation();
  const total = items.length + hidden;
  return (
    <BoardPanel id="sla-running-title" title={t('sla.running.title')} hint={t('sla.running.hint')} count={loading ? undefined : total} tone="amber" className="board-panel--running">
      <PanelState loading={loading} error={error} empty={items.length === 0} icon="clock" title={t('sla.running.empty')} hint={t('sla.running.emptyHint')} onRetry={onRetry} />
      {!loading && (
        <div className="board-list" data-testid="sla-running-list" data-board-list="">
          {items.map((timer) => (
            <RunningRow key={timer.id} timer={timer} store={storeById.get(timer.storeId)} names={names} onAssign={onAssign} />
          ))}
          {hidden > 0 && <p className="board-list__more">{t('sla.shown', { shown: items.length, total })}</p>}
        </div>
      )}
    </BoardPanel>
  );
}

function RunningRow({ timer, store, names, onAssign }: { timer: SlaBoardTimer; store: Store | undefined; names: Map<string, string>; onAssign?(timer: SlaBoardTimer): void }) {
  const { t } = useTranslation();
  const now = useNow();
  const clock = timerClock(timer);
  const state = readSla(clock, now)?.state ?? 'running';
  return (
    <BoardRow
      timer={timer}
      store={store}
      testId="sla-timer"
      className={`board-row--${state}`}
      data={{ 'data-timer-id': timer.id, 'data-state': state }}
      clock={
        <>
          <SlaCountdown clock={clock} store={store} variant="big" testId="sla-countdown" />
          <span className="board-row__state">{t(`sla.state.${state}`)}</span>
        </>
      }
      aside={
        <>
          <AgentName id={timer.assigneeId} names={names} />
          <span className="board-row__kind">{t(`sla.kinds.${timer.kind}`)}</span>
        </>
      }
      action={<AssignButton timer={timer} onAssign={onAssign} />}
    />
  );
}
