import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaBoardTimer, Store } from '@kefu/contracts';
import type { ApiRequestError } from '../api/client';
import { Icon, type IconName } from '../ui/icons';

interface Props {
  id: string;
  title: string;
  hint: string;
  count?: number;
  tone?: 'neutral' | 'amber' | 'red';
  className?: string;
  children: ReactNode;
}

/** A titled card of the board with a scrolling body. */
export function BoardPanel({ id, title, hint, count, tone = 'neutral', className, children }: Props) {
  return (
    <section className={`board-panel ${className ?? ''}`} aria-labelledby={id}>
      <header className="board-panel__header">
        <h2 className="board-panel__title" id={id}>
          {title}
        </h2>
        {count !== undefined && <span className={`board-count board-count--${count > 0 ? tone : 'neutral'}`}>{count}</span>}
        <span className="board-panel__hint">{hint}</span>
      </header>
      <div className="board-panel__body">{children}</div>
    </section>
  );
}

/** Loading, error or empty state of a panel; `null` when there are rows to show. */
export function PanelState({ loading, error, empty, icon, title, hint, onRetry }: {
  loading: boolean;
  error: ApiRequestError | null;
  empty: boolean;
  icon: IconName;
  title: string;
  hint?: string;
  onRetry(): void;
}) {
  const { t } = useTranslation();
  if (error) {
    return (
      <div className="inline-error" role="alert">
        <Icon name="alert" size={14} />
        <span>{error.statusCode === 0 || error.statusCode >= 502 ? t('errors.network') : t('sla.loadError', { message: error.message })}</span>
        <button type="button" className="link-button" onClick={onRetry}>
          {t('sla.retry')}
        </button>
      </div>
    );
  }
  if (loading) {
    return (
      <div className="board-empty" role="status">
        <span className="spinner" aria-hidden="true" />
      </div>
    );
  }
  if (!empty) return null;
  return (
    <div className="board-empty">
      <Icon name={icon} size={24} strokeWidth={1.5} />
      <p className="board-empty__title">{title}</p>
      {hint && <p className="board-empty__hint">{hint}</p>}
    </div>
  );
}

/** What each of the board's timer lists receives. */
export interface BoardListProps {
  items: SlaBoardTimer[];
  hidden: number;
  loading: boolean;
  error: ApiRequestError | null;
  onRetry(): void;
  storeById: Map<string, Store>;
  names: Map<string, string>;
  /** Supervisors reassign a row's chat from the board (absent: no such control). */
  onAssign?(timer: SlaBoardTimer): void;
}
