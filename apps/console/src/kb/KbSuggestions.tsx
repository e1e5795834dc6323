import { useEffect, useEffectEvent, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposerHandle } from '../conversation/ReplyBox';
import { deskApi } from '../api/desk-api';
import { Kbd } from '../ui/badges';
import { Icon } from '../ui/icons';
import { altDigitSlot } from './kb-text';
import { useKbCandidates, type KbCandidate, type KbValues } from './useKb';

/** How many suggestions show (and get Alt+1…Alt+N). */
const SLOTS = 3;
export const KB_SEARCH_ID = 'kb-search';
const COLLAPSED_KEY = 'kefu.kb.collapsed';

interface Props {
  conversationId: string;
  storeId: string;
  lang: string | null;
  values: KbValues;
  composer: RefObject<ComposerHandle | null>;
}

const readCollapsed = () => {
  try {
    return localStorage.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
};

/**
 * FAQ answers beside the reply box: the articles for the customer's latest messages (or a search by
 * hand), one click or Alt+1…3 inserts the short answer, Alt+Shift+1…3 the whole article.
 */
export function KbSuggestions({ conversationId, storeId, lang, values, composer }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const [votes, setVotes] = useState<Record<string, boolean>>({});
  const [flash, setFlash] = useState<string | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const { items, query, error, loading, searching } = useKbCandidates(conversationId, storeId, lang, values, search);
  const shown = items.slice(0, SLOTS);

  const toggle = () =>
    setCollapsed((c) => {
      try {
        localStorage.setItem(COLLAPSED_KEY, c ? '0' : '1');
      } catch {
        // private mode: not remembered
      }
      return !c;
    });

  const insert = (c: KbCandidate, full: boolean) => {
    composer.current?.insert(full ? c.body : c.shortAnswer, c.article.id);
    setFlash(c.article.id);
  };

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), 1200);
    return () => clearTimeout(timer);
  }, [flash]);

  const vote = (c: KbCandidate, helpful: boolean) => {
    const id = c.article.id;
    if (votes[id] === helpful) return;
    setVotes((v) => ({ ...v, [id]: helpful }));
    deskApi.kbFeedback(id, { conversationId, helpful }).catch(() =>
      setVotes((v) => {
        const rest = { ...v };
        delete rest[id];
        return rest;
      }),
    );
  };

  // Alt+1…3 inserts a suggestion (Alt+Shift the whole article), Alt+K goes to the search, from anywhere in the desk.
  const onWindowKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing) return;
    if (e.target instanceof Element && e.target.closest('dialog[open]')) return;
    if (e.altKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyK' || e.key === 'k')) {
      e.preventDefault();
      if (collapsed) toggle();
      requestAnimationFrame(() => searchBox.current?.focus());
      return;
    }
    const slot = altDigitSlot(e);
    if (slot === null || slot >= SLOTS) return;
    e.preventDefault();
    const c = shown[slot];
    if (c) insert(c, e.shiftKey);
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onWindowKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const status = error
    ? t('kb.loadError', { message: error === 'network' ? t('errors.network') : error })
    : loading && shown.length === 0
      ? t('kb.loading')
      : shown.length === 0
        ? searching
          ? t('kb.noResults')
          : query
            ? t('kb.noSuggestions')
            : t('kb.waiting')
        : null;

  return (
    <section className={`kb-panel${collapsed ? ' is-collapsed' : ''}`} data-testid="kb-suggestions" aria-label={t('kb.suggestions')} aria-busy={loading}>
      <div className="kb-panel__head">
        <button type="button" className="kb-panel__toggle" onClick={toggle} aria-expanded={!collapsed} title={collapsed ? t('kb.expand') : t('kb.collapse')}>
          <Icon name={collapsed ? 'chevronRight' : 'chevronDown'} size={13} />
          <Icon name="book" size={13} />
          <span className="kb-panel__title">{searching ? t('kb.searchResults') : t('kb.suggestions')}</span>
          {!collapsed && !searching && query && (
            <span className="kb-panel__query" title={query}>
              · {query}
            </span>
          )}
          {collapsed && shown.length > 0 && <span className="kb-panel__count">{shown.length}</span>}
        </button>
        {!collapsed && (
          <label className="kb-search">
            <Icon name="search" size={13} />
            <input
              ref={searchBox}
              id={KB_SEARCH_ID}
              type="search"
              data-testid="kb-search"
              value={search}
              placeholder={t('kb.searchPlaceholder')}
              aria-label={t('kb.searchPlaceholder')}
              onChange={(e) => setSearch(e.target.value)}
              onKeyDown={(e) => {
                if (e.nativeEvent.isComposing) return;
                if (e.key === 'Enter' && shown[0]) {
                  e.preventDefault();
                  insert(shown[0], e.shiftKey);
                } else if (e.key === 'Escape') {
                  e.preventDefault();
                  setSearch('');
                  composer.current?.focus();
                }
              }}
            />
            <Kbd>Alt</Kbd>
            <Kbd>K</Kbd>
          </label>
        )}
      </div>
      {!collapsed && (
        <>
          {status && (
            <div className={`kb-panel__status${error ? ' is-error' : ''}`} role="status">
              {status}
            </div>
          )}
          {shown.length > 0 && (
            <ol className="kb-list">
              {shown.map((c, i) => (
                <li
                  key={c.article.id}
                  className={`kb-item${flash === c.article.id ? ' is-inserted' : ''}`}
                  data-testid="kb-suggestion"
                  data-article-id={c.article.id}
                >
                  <button
                    type="button"
                    className="kb-item__main"
                    data-testid="kb-insert"
                    onClick={() => insert(c, false)}
                    title={`${t('kb.insertShort')} (Alt+${i + 1})\n\n${c.shortAnswer}`}
                  >
                    <span className="kb-item__key" aria-hidden="true">
                      <Kbd>{`Alt ${i + 1}`}</Kbd>
                    </span>
                    <span className="kb-item__text">
                      <span className="kb-item__title">
                        {c.article.title}
                        {c.article.storeId === null && <span className="kb-item__scope">{t('kb.global')}</span>}
                      </span>
                      <span className="kb-item__answer">{c.shortAnswer}</span>
                    </span>
                    <span className="kb-score" title={t('kb.score', { score: Math.round(c.score * 100) })} aria-label={t('kb.score', { score: Math.round(c.score * 100) })}>
                      <span className="kb-score__fill" style={{ width: `${Math.max(6, Math.round(c.score * 100))}%` }} />
                    </span>
                  </button>
                  <div className="kb-item__actions">
                    {c.missing.length > 0 && (
                      <span className="kb-item__missing" title={t('kb.missingHint')} data-testid="kb-missing-vars">
                        {c.missing.map((m) => (isVariable(m) ? t(`kb.variables.${m}`) : m)).join(t('kb.listSep'))}
                      </span>
                    )}
                    <button
                      type="button"
                      className="kb-act"
                      data-testid="kb-insert-body"
                      onClick={() => insert(c, true)}
                      title={`${t('kb.insertBody')} (Alt+Shift+${i + 1})`}
                    >
                      {t('kb.fullText')}
                    </button>
                    <button
                      type="button"
                      className={`kb-act kb-act--icon${votes[c.article.id] === true ? ' is-up' : ''}`}
                      data-testid="kb-feedback-up"
                      aria-pressed={votes[c.article.id] === true}
                      title={t('kb.helpful')}
                      aria-label={t('kb.helpful')}
                      onClick={() => vote(c, true)}
                    >
                      <Icon name="thumbUp" size={13} />
                    </button>
                    <button
                      type="button"
                      className={`kb-act kb-act--icon${votes[c.article.id] === false ? ' is-down' : ''}`}
                      data-testid="kb-feedback-down"
                      aria-pressed={votes[c.article.id] === false}
                      title={t('kb.notHelpful')}
                      aria-label={t('kb.notHelpful')}
                      onClick={() => vote(c, false)}
                    >
                      <Icon name="thumbDown" size={13} />
                    </button>
                  </div>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

const isVariable = (name: string): name is 'customerName' | 'orderRef' | 'storeName' => name === 'customerName' || name === 'orderRef' || name === 'storeName';
