import { useTranslation } from 'react-i18next';
import type { Presence } from '@kefu/contracts';

/** A coloured dot for online (green), away (amber) or offline (grey), with its name for screen readers. */
export function PresenceDot({ presence, ring = false }: { presence: Presence; ring?: boolean }) {
  const { t } = useTranslation();
  const label = t(`presence.${presence}`);
  return <span className={`presence-dot presence-dot--${presence}${ring ? ' presence-dot--ring' : ''}`} role="img" aria-label={label} title={label} />;
}
