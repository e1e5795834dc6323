import { useTranslation } from 'react-i18next';
import type { SlaBoardTimer, Store } from '@kefu/contracts';
import { useNow } from '../time/clock';
import { Icon } from '../ui/icons';
import { BoardPanel, PanelState, type BoardListProps } from './BoardPanel';
import { AgentName, AssignButton, BoardRow } from './BoardRow';
import { readSla } from './countdown';
import { ruleLabel } from './format';
import { nudgesFired, ruleClock, waitsAtRisk } from './platform-response';
import { SlaCountdown } from './SlaCountdown';

/** The running waits a platform counts that can still be met, the oldest first, each counting down to its rule's limit. */
export function WaitsAtRisk({ items, loading, error, onRetry, storeById, names, onAssign }: BoardListProps) {
  const { t } = useTranslation();
  const now = useNow();
  const waits = waitsAtRisk(items, now);
  return (
    <BoardPanel id="sla-at-risk-title" title={t('sla.platform.atRisk.title')} hint={t('sla.platform.atRisk.hint')} count={loading ? undefined : waits.length} tone="amber" className="board-panel--at-risk">
      <PanelState loading={loading} error={error} empty={waits.length === 0} icon="hourglass" title={t('sla.platform.atRisk.empty')} hint={t('sla.platform.atRisk.emptyHint')} onRetry={onRetry} />
      {!loading && waits.length > 0 && (
        <div className="board-list" data-testid="sla-at-risk-list" data-board-list="">
          {waits.map((timer) => (
            <AtRiskRow key={timer.id} timer={timer} store={storeById.get(timer.storeId)} names={names} now={now} onAssign={onAssign} />
          ))}
        </div>
      )}
    </BoardPanel>
  );
}

function AtRiskRow({ timer, store, names, now, onAssign }: { timer: SlaBoardTimer; store: Store | undefined; names: Map<string, string>; now: number; onAssign?(timer: SlaBoardTimer): void }) {
  const { t } = useTranslation();
  // Wall time: the platform counts every second, whatever the store's hours (so no store is passed to the countdown).
  const clock = ruleClock(timer, store?.responseRule);
  const state = readSla(clock, now)?.state ?? 'running';
  const rule = ruleLabel({ seconds: timer.ruleSeconds ?? 0, window: null }, t);
  const nudged = nudgesFired(timer, store?.responseRule, now);
  return (
    <BoardRow
      timer={timer}
      store={store}
      testId="sla-at-risk"
      className={`board-row--${state}`}
      data={{ 'data-timer-id': timer.id, 'data-state': state }}
      clock={
        <>
          <SlaCountdown clock={clock} variant="big" testId="sla-rule-countdown" />
          <span className="board-row__state">{t('sla.platform.atRisk.of', { rule })}</span>
        </>
      }
      aside={
        <>
          <AgentName id={timer.assigneeId} names={names} />
          {nudged > 0 ? (
            <span className="board-row__kind board-row__nudged">
              <Icon name="bell" size={12} />
              {t('sla.platform.atRisk.nudged', { count: nudged })}
            </span>
          ) : (
            <span className="board-row__kind">{t(`sla.kinds.${timer.kind}`)}</span>
          )}
        </>
      }
      action={<AssignButton timer={timer} onAssign={onAssign} />}
    />
  );
}
