import { useTranslation } from 'react-i18next';
import { useNow } from '../time/clock';
import { Icon } from '../ui/icons';
import { readNudge, type Nudge } from './nudge-state';

/** On an inbox row: how long the nudged customer has waited, of the platform's limit ("100/180 s"). */
export function NudgePill({ nudge }: { nudge: Nudge }) {
  const { t } = useTranslation();
  const { waited, level } = readNudge(nudge, useNow());
  const limit = nudge.ruleSeconds;
  return (
    <span className={`nudge-pill nudge--${level}`} data-testid="inbox-item-nudge" data-nudge-level={level} role="timer" aria-label={t('nudge.rowTitle', { waited, limit })} title={t('nudge.rowTitle', { waited, limit })}>
      <Icon name="hourglass" size={11} strokeWidth={2.2} />
      {t('nudge.row', { waited, limit })}
    </span>
  );
}

/** Under the open chat's header: "Waiting 100 s · the platform counts a reply within 180 s". */
export function NudgeStrip({ nudge }: { nudge: Nudge }) {
  const { t } = useTranslation();
  const { waited, level, over } = readNudge(nudge, useNow());
  const limit = nudge.ruleSeconds;
  return (
    <div className={`nudge-strip nudge--${level}`} data-testid="conversation-nudge" data-nudge-level={level} role="timer">
      <Icon name="hourglass" size={14} strokeWidth={2.2} />
      <strong className="nudge-strip__waited">{t('nudge.waiting', { waited })}</strong>
      <span aria-hidden="true">·</span>
      <span className="nudge-strip__limit">{over ? t('nudge.over', { limit }) : t('nudge.limit', { limit })}</span>
    </div>
  );
}
