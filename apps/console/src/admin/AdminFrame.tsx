import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text';

const TABS = [
  { to: '/admin/stores', key: 'stores' },
  { to: '/admin/people', key: 'people' },
  { to: '/admin/audit', key: 'audit' },
  { to: '/admin/desk', key: 'desk' },
] as const;

/** Every admin screen's frame: its title and the tabs between the admin screens. */
export function AdminFrame({ title, subtitle, tools, children, testId }: { title: string; subtitle?: string; tools?: ReactNode; children: ReactNode; testId: string }) {
  const { t } = useTranslation();
  return (
    <main className="board admin" data-testid={testId}>
      <header className="board__header">
        <div>
          <h1 className="board__title">{title}</h1>
          {subtitle && <p className="board__subtitle">{subtitle}</p>}
        </div>
        <div className="board__tools">{tools}</div>
      </header>
      <nav className="admin-tabs" aria-label={t('admin.nav.title')}>
        {TABS.map((tab) => (
          <Link key={tab.to} to={tab.to} className="admin-tab" activeProps={{ className: 'admin-tab is-active', 'aria-current': 'page' }} data-testid={`admin-tab-${tab.key}`}>
            {t(`admin.nav.${tab.key}`)}
          </Link>
        ))}
      </nav>
      <div className="admin__body">{children}</div>
    </main>
  );
}

/** A load error in the reader's words (by its code), with a retry. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <div className="inline-error" role="alert">
      <span>{t('admin.common.loadError', { message: errorText(error, t) })}</span>
      <button type="button" className="link-button" onClick={onRetry}>
        {t('admin.common.retry')}
      </button>
    </div>
  );
}

/** A value to copy (a secret, a link): read-only text and a copy button. */
export function CopyValue({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="copy-value">
      <span className="copy-value__label">{label}</span>
      <div className="copy-value__row">
        <input className="input copy-value__text" readOnly value={value} aria-label={label} data-testid={testId} onFocus={(e) => e.currentTarget.select()} />
        <CopyButton value={value} />
      </div>
    </div>
  );
}

function CopyButton({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button button--ghost"
      onClick={(e) => {
        const button = e.currentTarget;
        void navigator.clipboard?.writeText(value).then(
          () => (button.textContent = t('admin.common.copied')),
          () => undefined,
        );
      }}
    >
      {t('admin.common.copy')}
    </button>
  );
}
