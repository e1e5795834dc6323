import { useTranslation } from 'react-i18next';
import type { ConversationStatus, Platform } from '@kefu/contracts';

export function PlatformBadge({ platform }: { platform: Platform }) {
  const { t } = useTranslation();
  return <span className={`platform platform--${platform}`}>{t(`platforms.${platform}`)}</span>;
}

export function StatusPill({ status }: { status: ConversationStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-pill status-pill--${status}`}>
      <span className="status-pill__dot" />
      {t(`status.${status}`)}
    </span>
  );
}

export function Kbd({ children }: { children: string }) {
  return <kbd className="kbd">{children}</kbd>;
}
