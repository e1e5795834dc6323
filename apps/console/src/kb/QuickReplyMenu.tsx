import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuickReply } from '@kefu/contracts';
import { Kbd } from '../ui/badges';

interface Props {
  options: QuickReply[];
  activeIndex: number;
  query: string;
  loading: boolean;
  failed: boolean;
  onPick(index: number): void;
  onHover(index: number): void;
}

/** The `/` menu above the reply box: the store's quick replies matching what follows the slash. */
export function QuickReplyMenu({ options, activeIndex, query, loading, failed, onPick, onHover }: Props) {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    list.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  return (
    <div className="qr-menu" data-testid="quick-reply-menu">
      <div className="qr-menu__head">
        <span>
          {t('kb.quickReplies')}
          {query && <span className="qr-menu__query"> /{query}</span>}
        </span>
        <span className="qr-menu__keys" aria-hidden="true">
          <Kbd>↑</Kbd>
          <Kbd>↓</Kbd> {t('kb.qrMove')}
          <span className="dot-sep" />
          <Kbd>Enter</Kbd> {t('kb.qrInsert')}
          <span className="dot-sep" />
          <Kbd>Esc</Kbd> {t('kb.qrClose')}
        </span>
      </div>
      {options.length > 0 ? (
        <ul className="qr-menu__list" role="listbox" id="quick-reply-menu" aria-label={t('kb.quickReplies')} ref={list}>
          {options.map((r, i) => (
            <li
              key={r.id}
              id={`quick-reply-${r.id}`}
              role="option"
              aria-selected={i === activeIndex}
              className={`qr-option${i === activeIndex ? ' is-active' : ''}`}
              data-testid="quick-reply-option"
              data-shortcut={r.shortcut}
              // The reply box keeps the focus (and its caret) while an option is clicked.
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => onHover(i)}
              onClick={() => onPick(i)}
            >
              <span className="qr-option__shortcut">/{r.shortcut}</span>
              <span className="qr-option__title">{r.title}</span>
              <span className="qr-option__body">{r.body}</span>
            </li>
          ))}
        </ul>
      ) : (
        <div className="qr-menu__empty" role="status">
          {loading ? t('kb.loading') : failed ? t('kb.qrFailed') : t('kb.qrNone', { query })}
        </div>
      )}
    </div>
  );
}
