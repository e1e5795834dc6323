import { useRef, useState } from 'react';
import { errorText } from '../api/error-text';
import { useTranslation } from 'react-i18next';
import type { KbQuestionWithArticle, Store } from '@kefu/contracts';
import { formatDateTime } from '../time/format';
import { Icon } from '../ui/icons';
import { StoreSelect } from '../ui/StoreSelect';
import { useKbQuestionWrites, useProposals } from './useKbQuestions';

interface Props {
  stores: Store[];
  storeById: Map<string, Store>;
  onOpen(articleId: string): void;
}

/**
 * The similar questions the desk proposed from agents' replies (a suggestion inserted in reply to a customer), live:
 * a supervisor accepts one into its article (the search finds the article for it at once) or rejects it for good.
 */
export function ProposalsPanel({ stores, storeById, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const [storeId, setStoreId] = useState('');
  const list = useProposals({ status: 'proposed', storeId });
  const writes = useKbQuestionWrites();
  const [note, setNote] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const error = list.error ? errorText(list.error, t) : null;

  const decide = async (q: KbQuestionWithArticle, index: number, status: 'accepted' | 'rejected') => {
    try {
      await writes.update(q.id, { status });
      setNote({ kind: 'done', text: status === 'accepted' ? t('kbq.accepted', { title: q.article.title }) : t('kbq.rejected') });
      // The row is gone: the focus goes to the same place in the list (the next proposal's Accept), else the store choice.
      requestAnimationFrame(() => {
        const buttons = listRef.current?.querySelectorAll<HTMLElement>('[data-testid="kb-proposal-accept"]');
        const next = buttons?.[Math.min(index, buttons.length - 1)];
        (next ?? document.getElementById('kb-proposals-store'))?.focus();
      });
    } catch (err) {
      setNote({ kind: 'error', text: t('kbq.failed', { message: errorText(err, t) }) });
    }
  };

  return (
    <section className="kbs-panel kbq-panel" data-testid="kb-proposals" aria-labelledby="kb-proposals-title" aria-busy={list.loading}>
      <div className="kbq-panel__head">
        <div>
          <h2 id="kb-proposals-title">{t('kbq.panelTitle')}</h2>
          <p className="kbq__hint">{t('kbq.panelHint')}</p>
        </div>
        <StoreSelect id="kb-proposals-store" stores={stores} value={storeId} onChange={setStoreId} label={t('kb.editor.scope')} allLabel={t('kbq.allStores')} />
      </div>
      <p className={note?.kind === 'error' ? 'kbs-error' : 'kbs-saved'} role="status" aria-live="polite" data-testid="kb-proposals-note">
        {note?.text}
      </p>
      {error && <p className="kbs-error">{error}</p>}
      {list.items.length === 0 && !list.loading && !error ? (
        <p className="kbs-empty" data-testid="kb-proposals-empty">
          {t('kbq.empty')}
        </p>
      ) : (
        <ol className="kbq-panel__list" ref={listRef}>
          {list.items.map((q, index) => (
            <li key={q.id} className="kbq-proposal" data-testid="kb-proposal" data-question-id={q.id}>
              <div className="kbq-proposal__text">
                <span data-testid="kb-proposal-text">{q.text}</span>
                <span className="kbq__meta">
                  {t('kbq.forArticle', { title: q.article.title })} · {q.storeId ? (storeById.get(q.storeId)?.name ?? '—') : t('kb.global')} · {t('kbq.proposedTimes', { count: q.proposals })} ·{' '}
                  {formatDateTime(q.updatedAt, i18n.language)}
                </span>
              </div>
              <div className="kbq-proposal__actions">
                <button type="button" className="button button--small button--primary" data-testid="kb-proposal-accept" onClick={() => void decide(q, index, 'accepted')}>
                  <Icon name="check" size={13} />
                  {t('kbq.accept')}
                </button>
                <button type="button" className="button button--small" data-testid="kb-proposal-reject" onClick={() => void decide(q, index, 'rejected')}>
                  {t('kbq.reject')}
                </button>
                <button type="button" className="button button--small button--ghost" data-testid="kb-proposal-open" onClick={() => onOpen(q.article.id)}>
                  {t('kbq.open')}
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {list.hasMore && (
        <button type="button" className="button button--ghost button--small kbs-more" disabled={list.loadingMore} onClick={() => void list.loadMore()}>
          {t('kb.screen.loadMore')}
        </button>
      )}
    </section>
  );
}
