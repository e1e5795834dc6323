import { useState } from 'react';
import { errorText } from '../api/error-text';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { KbStats, Store } from '@kefu/contracts';
import { deskApi } from '../api/desk-api';
import { formatDateTime } from '../time/format';
import { Icon } from '../ui/icons';
import type { ArticleDraft } from './KbEditor';
import { StoreSelect } from '../ui/StoreSelect';

const PERIOD_DAYS = 30;

interface Props {
  stores: Store[];
  storeById: Map<string, Store>;
  /** "Write an article" for a question nothing answered. */
  onWrite(prefill: Partial<ArticleDraft>): void;
  onOpen(articleId: string): void;
}

/** Most used and least helpful articles, and the questions that found nothing, over the last 30 days. */
export function KbStatsPanel({ stores, storeById, onWrite, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const [storeId, setStoreId] = useState('');
  const query = useQuery({
    queryKey: ['kbStats', storeId],
    queryFn: () => deskApi.kbStats({ storeId: storeId || undefined, from: new Date(Date.now() - PERIOD_DAYS * 86_400_000).toISOString(), limit: 10 }),
    placeholderData: keepPreviousData,
  });
  const stats: KbStats | null = query.data ?? null;
  const error = query.error ? errorText(query.error, t) : null;

  const storeName = (id: string | null) => (id ? (storeById.get(id)?.name ?? '—') : t('kb.global'));

  return (
    <div className="kbs-stats" data-testid="kb-stats" aria-busy={!stats && !error}>
      <div className="kbs-stats__bar">
        <StoreSelect stores={stores} value={storeId} onChange={setStoreId} label={t('kb.editor.scope')} allLabel={t('kb.stats.allStores')} />
        <span className="kbs-muted">{t('kb.stats.period')}</span>
        {error && <span className="kbs-error">{t('kb.stats.error', { message: error })}</span>}
      </div>
      <div className="kbs-stats__grid">
        <section className="kbs-panel kbs-card">
          <h3>{t('kb.stats.mostUsed')}</h3>
          {stats && stats.mostUsed.length === 0 && <p className="kbs-empty">{t('kb.stats.none')}</p>}
          <ol className="kbs-ranked">
            {stats?.mostUsed.map((x) => (
              <li key={x.article.id}>
                <button type="button" className="kbs-link" onClick={() => onOpen(x.article.id)}>
                  {x.article.title}
                </button>
                <span className="kbs-muted">{storeName(x.article.storeId)}</span>
                <span className="kbs-figure">{t('kb.stats.uses', { count: x.uses })}</span>
              </li>
            ))}
          </ol>
        </section>
        <section className="kbs-panel kbs-card">
          <h3>{t('kb.stats.leastHelpful')}</h3>
          {stats && stats.leastHelpful.length === 0 && <p className="kbs-empty">{t('kb.stats.none')}</p>}
          <ol className="kbs-ranked">
            {stats?.leastHelpful.map((x) => (
              <li key={x.article.id}>
                <button type="button" className="kbs-link" onClick={() => onOpen(x.article.id)}>
                  {x.article.title}
                </button>
                <span className="kbs-muted">{storeName(x.article.storeId)}</span>
                <span className="kbs-figure">{t('kb.stats.votes', { up: x.helpful, down: x.unhelpful })}</span>
              </li>
            ))}
          </ol>
        </section>
        <section className="kbs-panel kbs-card kbs-card--gaps" data-testid="kb-gaps">
          <h3>{t('kb.stats.gaps')}</h3>
          <p className="kbs-muted kbs-card__hint">{t('kb.stats.gapsHint')}</p>
          {stats && stats.gaps.length === 0 && <p className="kbs-empty">{t('kb.stats.none')}</p>}
          <ol className="kbs-ranked">
            {stats?.gaps.map((g) => (
              <li key={`${g.storeId}:${g.lang}:${g.query}`} data-testid="kb-gap">
                <span className="kbs-gap__query" title={g.query}>
                  {g.query}
                </span>
                <span className="kbs-muted">
                  {storeName(g.storeId)} · {g.lang} · {t('kb.stats.lastSeen', { when: formatDateTime(g.lastSeenAt, i18n.language) })}
                </span>
                <span className="kbs-figure">{t('kb.stats.times', { count: g.count })}</span>
                <button
                  type="button"
                  className="button button--small"
                  data-testid="kb-gap-write"
                  onClick={() => onWrite({ title: g.query, lang: g.lang, storeId: g.storeId ?? '', tags: '' })}
                >
                  <Icon name="pencil" size={13} />
                  {t('kb.stats.write')}
                </button>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}
