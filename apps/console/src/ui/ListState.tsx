import { useTranslation } from 'react-i18next';
import type { ApiRequestError } from '../api/client';
import { Icon, type IconName } from './icons';

interface Props {
  error: ApiRequestError | null;
  loading: boolean;
  empty: boolean;
  /** The error line for a server answer (network failures have their own). */
  errorText: (message: string) => string;
  onRetry: () => void;
  retryLabel: string;
  icon: IconName;
  emptyTitle: string;
  emptyHint?: string;
}

/** What a list shows instead of rows: its error with a retry, a spinner while loading, or its empty state. */
export function ListState({ error, loading, empty, errorText, onRetry, retryLabel, icon, emptyTitle, emptyHint }: Props) {
  const { t } = useTranslation();
  if (error)
    return (
      <div className="inline-error" role="alert">
        <Icon name="alert" size={14} />
        <span>{error.statusCode === 0 ? t('errors.network') : errorText(error.message)}</span>
        <button type="button" className="link-button" onClick={onRetry}>
          {retryLabel}
        </button>
      </div>
    );
  if (loading)
    return (
      <div className="board-empty" role="status">
        <span className="spinner" aria-hidden="true" />
      </div>
    );
  if (!empty) return null;
  return (
    <div className="board-empty">
      <Icon name={icon} size={26} strokeWidth={1.4} />
      <p className="board-empty__title">{emptyTitle}</p>
      {emptyHint && <p className="board-empty__hint">{emptyHint}</p>}
    </div>
  );
}
