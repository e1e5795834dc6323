import { useTranslation } from 'react-i18next';
import { useDeskLive } from '../live/DeskLiveProvider';

export function ConnectionIndicator() {
  const { t } = useTranslation();
  const { state } = useDeskLive();
  const connected = state === 'connected';
  return (
    <div
      className={`connection connection--${state}`}
      data-testid="connection-status"
      data-state={connected ? 'connected' : 'disconnected'}
      title={connected ? t('connection.connectedHint') : t('connection.reconnectingHint')}
      role="status"
      aria-live="polite"
    >
      <span className="connection__dot" />
      {t(`connection.${state}`)}
    </div>
  );
}
