import { useEffect, useRef, useState } from 'react';
import { errorText } from '../api/error-text';
import { useListShortcuts } from '../keyboard/shortcuts';
import { useTranslation } from 'react-i18next';
import type { KbArticle, KbArticleStatus, Store } from '@kefu/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useLiveListQuery } from '../data/live-list';
import { deskApi } from '../api/desk-api';
import { formatDateTime } from '../time/format';
import { Icon } from '../ui/icons';
import { KbEditor, type ArticleDraft } from './KbEditor';
import { KbStatsPanel } from './KbStatsPanel';
import { QuickRepliesPanel } from './QuickRepliesPanel';
import { ProposalsPanel } from './ProposalsPanel';
import { useProposals } from './useKbQuestions';
import { StoreSelect } from '../ui/StoreSelect';
import { useStores } from '../desk/useStores';

type Tab = 'articles' | 'proposals' | 'stats' | 'quickReplies';
const SEARCH_DEBOUNCE_MS = 250;
const KB_ARTICLES = 'kbArticles';
/** The API's order of the article list: latest change first. */
const byUpdated = (a: KbArticle, b: KbArticle) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || (a.id < b.id ? 1 : -1);

interface Filters {
  /** '' every article, 'global', or a store id. */
  scope: string;
  lang: '' | 'zh' | 'en';
  status: '' | KbArticleStatus;
  q: string;
}

/** #/kb — supervisors and admins keep the FAQ articles, see what is used and what is missing, and edit the quick replies. */
export function KbScreen() {
  const { stores, storeById } = useStores();
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('articles');
  const [filters, setFilters] = useState<Filters>({ scope: '', lang: '', status: '', q: '' });
  const [searchText, setSearchText] = useState('');
  /** The article in the editor: an id, a new one (with what to prefill), or none. A new one keeps its key once saved: the same editor goes on (its save's message and guard warnings stay). */
  const [editing, setEditing] = useState<{ id: string; key?: number } | { draft: Partial<ArticleDraft>; key: number } | null>(null);
  const client = useQueryClient();
  const articlesChanged = () => void client.invalidateQueries({ queryKey: [KB_ARTICLES] });

  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.q === searchText ? f : { ...f, q: searchText })), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [searchText]);

  const startNew = (draft: Partial<ArticleDraft> = {}) => {
    setTab('articles');
    setEditing({ draft, key: Date.now() });
  };

  // The proposals waiting (every store), counted on their tab and kept live.
  const waiting = useProposals({ status: 'proposed', storeId: '' }).total;
  const tabs: { id: Tab; label: string; testId: string; count?: number }[] = [
    { id: 'articles', label: t('kb.screen.tabArticles'), testId: 'kb-tab-articles' },
    { id: 'proposals', label: t('kbq.tab'), testId: 'kb-tab-proposals', count: waiting },
    { id: 'stats', label: t('kb.screen.tabStats'), testId: 'kb-tab-stats' },
    { id: 'quickReplies', label: t('kb.screen.tabQuickReplies'), testId: 'kb-tab-quick-replies' },
  ];

  return (
    <main className="board kbs" data-testid="kb-screen">
      <header className="board__header">
        <div>
          <h1 className="board__title">{t('kb.screen.title')}</h1>
          <p className="board__subtitle">{t('kb.screen.subtitle')}</p>
        </div>
        <div className="board__tools">
          <div className="kbs-tabs" role="tablist">
            {tabs.map((x) => (
              <button
                key={x.id}
                type="button"
                role="tab"
                aria-selected={tab === x.id}
                className={`kbs-tab${tab === x.id ? ' is-active' : ''}`}
                data-testid={x.testId}
                onClick={() => setTab(x.id)}
              >
                {x.label}
                {x.count ? (
                  <span className="kbs-tab__count" data-testid={`${x.testId}-count`}>
                    {x.count}
                  </span>
                ) : null}
              </button>
            ))}
          </div>
          {tab === 'articles' && (
            <button type="button" className="button button--primary" data-testid="kb-new-article" onClick={() => startNew()}>
              <Icon name="plus" size={14} />
              {t('kb.screen.newArticle')}
            </button>
          )}
        </div>
      </header>

      {tab === 'articles' && (
        <div className="kbs-split">
          <ArticleList
            stores={stores}
            storeById={storeById}
            filters={filters}
            searchText={searchText}
            onSearchText={setSearchText}
            onFilters={(patch) => setFilters((f) => ({ ...f, ...patch }))}
            selectedId={editing && 'id' in editing ? editing.id : null}
            onSelect={(id) => setEditing({ id })}
          />
          {editing ? (
            <KbEditor
              key={editing.key !== undefined ? `new-${editing.key}` : 'id' in editing ? editing.id : ''}
              articleId={'id' in editing ? editing.id : null}
              prefill={'draft' in editing ? editing.draft : undefined}
              stores={stores}
              onSaved={(a) => {
                setEditing((e) => ({ id: a.id, key: e?.key }));
                articlesChanged();
              }}
              onDeleted={() => {
                setEditing(null);
                articlesChanged();
              }}
              onClose={() => setEditing(null)}
            />
          ) : (
            <section className="kbs-panel kbs-panel--placeholder">
              <Icon name="book" size={22} />
              <p>{t('kb.screen.pick')}</p>
            </section>
          )}
        </div>
      )}
      {tab === 'proposals' && <ProposalsPanel stores={stores} storeById={storeById} onOpen={(id) => (setTab('articles'), setEditing({ id }))} />}
      {tab === 'stats' && <KbStatsPanel stores={stores} storeById={storeById} onWrite={(gap) => startNew(gap)} onOpen={(id) => (setTab('articles'), setEditing({ id }))} />}
      {tab === 'quickReplies' && <QuickRepliesPanel stores={stores} storeById={storeById} />}
    </main>
  );
}

interface ListProps {
  stores: Store[];
  storeById: Map<string, Store>;
  filters: Filters;
  searchText: string;
  onSearchText(q: string): void;
  onFilters(patch: Partial<Filters>): void;
  selectedId: string | null;
  onSelect(id: string): void;
}

function ArticleList({ stores, storeById, filters, searchText, onSearchText, onFilters, selectedId, onSelect }: ListProps) {
  const { t, i18n } = useTranslation();
  const list = useLiveListQuery<KbArticle>(
    [KB_ARTICLES, filters],
    (opts) => deskApi.kbArticles({ storeId: filters.scope || undefined, lang: filters.lang || undefined, status: filters.status || undefined, q: filters.q || undefined, ...opts }),
    byUpdated,
  );
  const loading = list.loading || list.loadingMore;
  const error = list.error ? errorText(list.error, t) : null;
  const state = { items: list.items, total: list.total, error };
  const panelRef = useRef<HTMLElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useListShortcuts(panelRef, '[data-kb-row]', searchRef);

  return (
    <section className="kbs-panel kbs-list" data-testid="kb-articles" aria-busy={loading} ref={panelRef}>
      <div className="kbs-filters">
        <label className="kbs-search">
          <Icon name="search" size={14} />
          <input
            ref={searchRef}
            type="search"
            value={searchText}
            placeholder={t('kb.screen.searchTitles')}
            aria-label={t('kb.screen.searchTitles')}
            data-testid="kb-article-search"
            onChange={(e) => onSearchText(e.target.value)}
          />
        </label>
        <StoreSelect stores={stores} value={filters.scope} onChange={(scope) => onFilters({ scope })} label={t('kb.editor.scope')} allLabel={t('kb.screen.allScopes')} testId="kb-filter-scope">
          <option value="global">{t('kb.screen.globalOnly')}</option>
        </StoreSelect>
        <select className="select" value={filters.lang} aria-label={t('kb.editor.lang')} onChange={(e) => onFilters({ lang: e.target.value as Filters['lang'] })}>
          <option value="">{t('kb.screen.anyLang')}</option>
          <option value="zh">{t('kb.langs.zh')}</option>
          <option value="en">{t('kb.langs.en')}</option>
        </select>
        <select className="select" value={filters.status} aria-label={t('kb.editor.status')} onChange={(e) => onFilters({ status: e.target.value as Filters['status'] })}>
          <option value="">{t('kb.screen.anyStatus')}</option>
          <option value="published">{t('kb.status.published')}</option>
          <option value="draft">{t('kb.status.draft')}</option>
        </select>
      </div>
      <div className="kbs-list__meta">{state.error ? <span className="kbs-error">{state.error}</span> : t('kb.screen.count', { count: state.total })}</div>
      {state.items.length === 0 && !loading && !state.error ? (
        <div className="kbs-empty">{t('kb.screen.empty')}</div>
      ) : (
        <ul className="kbs-rows">
          {state.items.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className={`kbs-row${a.id === selectedId ? ' is-selected' : ''}`}
                data-kb-row
                data-testid="kb-article-row"
                data-article-id={a.id}
                aria-current={a.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(a.id)}
              >
                <span className="kbs-row__title">
                  {a.title}
                  {a.status === 'draft' && <span className="kbs-badge kbs-badge--draft">{t('kb.status.draft')}</span>}
                </span>
                <span className="kbs-row__meta">
                  <span className={`kbs-badge${a.storeId ? '' : ' kbs-badge--global'}`}>{a.storeId ? (storeById.get(a.storeId)?.name ?? '—') : t('kb.global')}</span>
                  <span className="kbs-badge kbs-badge--lang">{a.lang}</span>
                  {a.topic && <span className="kbs-row__topic">{a.topic}</span>}
                  <span className="kbs-row__updated">
                    {t('kb.screen.version', { version: a.version })} · {formatDateTime(a.updatedAt, i18n.language)}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {list.hasMore && (
        <button type="button" className="button button--ghost button--small kbs-more" disabled={loading} onClick={() => void list.loadMore()}>
          {t('kb.screen.loadMore')}
        </button>
      )}
    </section>
  );
}
