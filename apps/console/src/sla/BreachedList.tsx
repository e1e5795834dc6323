import { useTranslation } from 'react-i18next';
import { useNowMinute } from '../time/clock';
import { dayKey, formatClock, formatDateTimeShort } from '../time/format';
import { AgentName, AssignButton, BoardRow } from './BoardRow';
import { BoardPanel, PanelState, type BoardListProps } from './BoardPanel';
import { timerClock } from './board-state';
import { SlaCountdown } from './SlaCountdown';

type Props = BoardListProps;

/** Breached conversations no agent has answered yet, and tickets past their resolution time, latest breach first. */
export function BreachedList({ items, hidden, loading, error, onRetry, storeById, names, onAssign }: Props) {
  const { t, i18n } = useTranslation();
  const now = useNowMinute();
  const total = items.length + hidden;
  return (
    <BoardPanel id="sla-breached-title" title={t('sla.breached.title')} hint={t('sla.breached.hint')} count={loading ? undefined : total} tone="red" className="board-panel--breached">
      <PanelState loading={loading} error={error} empty={items.length === 0} icon="check" title={t('sla.breached.empty')} hint={t('sla.breached.emptyHint')} onRetry={onRetry} />
      {!loading && (
        <div className="board-list" data-testid="sla-breached-list" data-board-list="">
          {items.map((timer) => {
            const hadIt = timer.breachAssigneeId ?? timer.assigneeId;
            const reassigned = timer.assigneeId !== null && timer.assigneeId !== hadIt;
            const at = timer.breachedAt ?? timer.dueAt;
            return (
              <BoardRow
                key={timer.id}
                timer={timer}
                store={storeById.get(timer.storeId)}
                testId="sla-breached"
                className="board-row--breached"
                data={{ 'data-timer-id': timer.id }}
                clock={
                  <>
                    <SlaCountdown clock={timerClock({ ...timer, status: 'breached' })} variant="big" testId="sla-countdown" />
                    {at && <span className="board-row__state">{t('sla.breached.at', { time: dayKey(at) === dayKey(new Date(now).toISOString()) ? formatClock(at, i18n.language) : formatDateTimeShort(at, now, i18n.language) })}</span>}
                  </>
                }
                aside={
                  <>
                    {hadIt && <span className="board-row__label">{t('sla.breached.hadIt')}</span>}
                    <AgentName id={hadIt} names={names} />
                    {reassigned && <span className="board-row__kind">{t('sla.breached.nowWith', { name: names.get(timer.assigneeId!) ?? t('sla.unknownAgent') })}</span>}
                    {timer.kind === 'resolution' && <span className="board-row__kind">{t('sla.kinds.resolution')}</span>}
                  </>
                }
                action={<AssignButton timer={timer} onAssign={onAssign} />}
              />
            );
          })}
          {hidden > 0 && <p className="board-list__more">{t('sla.shown', { shown: items.length, total })}</p>}
        </div>
      )}
    </BoardPanel>
  );
}
