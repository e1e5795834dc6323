import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentStatus, Presence } from '@kefu/contracts';

interface Props {
  presence: Presence;
  pending: AgentStatus | null;
  error: string | null;
  onChange(status: AgentStatus): void;
  onDismissError(): void;
}

const OPTIONS: { status: AgentStatus; presence: Presence }[] = [
  { status: 'available', presence: 'online' },
  { status: 'away', presence: 'away' },
];

/**
 * The user's own status: Available (routing gives them new chats) or Away. The presence the desk
 * sees is shown by the pressed button's dot; offline (no console connected) presses neither.
 */
export function StatusSwitch({ presence, pending, error, onChange, onDismissError }: Props) {
  const { t } = useTranslation();

  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(onDismissError, 6_000);
    return () => clearTimeout(timer);
  }, [error, onDismissError]);

  return (
    <div className="status-switch-wrap">
      <div
        className={`status-switch status-switch--${presence}`}
        role="group"
        aria-label={`${t('presence.myStatus')}: ${t(`presence.${presence}`)}`}
        data-testid="status-switch"
        data-presence={presence}
        aria-busy={pending !== null}
      >
        {OPTIONS.map((o) => {
          const active = presence === o.presence;
          return (
            <button
              key={o.status}
              type="button"
              className={`status-switch__option status-switch__option--${o.presence}${active ? ' is-active' : ''}`}
              data-testid={`status-${o.status}`}
              aria-pressed={active}
              title={t(`presence.${o.status}Hint`)}
              aria-disabled={pending !== null}
              onClick={() => {
                // Not `disabled`: the focus stays on the button while the change is on its way.
                if (!active && pending === null) onChange(o.status);
              }}
            >
              <span className={`presence-dot presence-dot--${active ? o.presence : 'offline'}`} aria-hidden="true" />
              <span className="status-switch__label">{t(`presence.${o.status}`)}</span>
            </button>
          );
        })}
      </div>
      {error && (
        <div className="status-switch__error" role="alert">
          {t('presence.error', { message: error })}
        </div>
      )}
    </div>
  );
}
