import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { GUARD_REVIEW_CRITERIA, GUARD_SCORE_MAX, GUARD_SCORE_MIN, type GuardReviewCriterion, type GuardReviewSample, type GuardReviewScore } from '@kefu/contracts';
import { errorText } from '../api/error-text';
import { apiErrorOf } from '../data/errors';
import { useNowMinute } from '../time/clock';
import { formatDateTimeShort } from '../time/format';
import { Icon } from '../ui/icons';
import { ListState } from '../ui/ListState';
import { guardApi } from './guard-api';
import type { ReviewNames } from './useReviewNames';

const SAMPLE_SIZE = 5;
const SCORES = Array.from({ length: GUARD_SCORE_MAX - GUARD_SCORE_MIN + 1 }, (_, i) => GUARD_SCORE_MIN + i);

/** A draw and the scores given to it since, kept together in the query cache. */
interface Draw extends GuardReviewSample {
  scored: Record<string, GuardReviewScore>;
}

/**
 * Conversations drawn at random to score. The draw is kept (no refetch) until "draw again", with the
 * scores given to it, so reading a conversation and coming back finds the same ones, scored in place.
 */
export function ReviewSample({ storeId, names }: { storeId: string; names: ReviewNames }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = ['guardSample', storeId];
  const sample = useQuery({
    queryKey: key,
    queryFn: async ({ signal }): Promise<Draw> => ({ ...(await guardApi.sample({ storeId: storeId || undefined, size: SAMPLE_SIZE }, signal)), scored: {} }),
    staleTime: Infinity,
    gcTime: 30 * 60_000,
  });
  const items = sample.data?.items ?? [];
  const onScored = (score: GuardReviewScore) => {
    client.setQueryData<Draw>(key, (d) => d && { ...d, scored: { ...d.scored, [score.conversationId]: score } });
    void client.invalidateQueries({ queryKey: ['guardScores'] });
  };
  return (
    <section className="board-panel review-sample" data-testid="review-sample">
      <header className="board-panel__header">
        <h2 className="board-panel__title">{t('guard.review.sample.title')}</h2>
        <button type="button" className="button button--small review-sample__redraw" onClick={() => void sample.refetch()} disabled={sample.isFetching} data-testid="review-sample-redraw">
          <Icon name="refresh" size={13} />
          {t('guard.review.sample.redraw')}
        </button>
      </header>
      <div className="board-panel__body">
        <p className="review-sample__hint">{t('guard.review.sample.hint')}</p>
        <ul className="review-sample-list">
          {items.map((item) => (
            <SampleItem key={item.conversationId} item={item} names={names} scored={sample.data?.scored[item.conversationId] ?? null} onScored={onScored} />
          ))}
        </ul>
        <ListState
          error={apiErrorOf(sample.error)}
          loading={sample.isPending}
          empty={!!sample.data && items.length === 0}
          errorText={(message) => t('guard.review.loadError', { message })}
          onRetry={() => void sample.refetch()}
          retryLabel={t('guard.review.retry')}
          icon="chat"
          emptyTitle={t('guard.review.sample.empty')}
          emptyHint={t('guard.review.sample.emptyHint')}
        />
      </div>
    </section>
  );
}

function SampleItem({ item, names, scored, onScored }: { item: GuardReviewSample['items'][number]; names: ReviewNames; scored: GuardReviewScore | null; onScored(score: GuardReviewScore): void }) {
  const { t, i18n } = useTranslation();
  const now = useNowMinute();
  return (
    <li className="review-sample__item" data-testid="review-sample-item" data-conversation-id={item.conversationId}>
      <div className="review-event__head">
        <span className="review-event__who">{item.assigneeId ? names.agentName(item.assigneeId) : t('guard.review.sample.unassigned')}</span>
        <span className="review-event__meta">
          {names.storeName(item.storeId)} · {t('guard.review.sample.lastMessage', { at: formatDateTimeShort(item.lastMessageAt, now, i18n.language) })}
        </span>
        <Link to="/c/$conversationId" params={{ conversationId: item.conversationId }} className="review-event__open">
          {t('guard.review.sample.open')}
          <Icon name="arrowRight" size={12} />
        </Link>
      </div>
      {scored ? (
        <p className="review-scored" data-testid="review-scored">
          <Icon name="check" size={13} /> {t('guard.review.score.saved', { score: scored.score })}
          {scored.comment && <span className="review-scored__comment"> · {scored.comment}</span>}
        </p>
      ) : (
        <ScoreForm conversationId={item.conversationId} onScored={onScored} />
      )}
    </li>
  );
}

/** A score from 1 to 5, optional criteria and a comment. */
function ScoreForm({ conversationId, onScored }: { conversationId: string; onScored(score: GuardReviewScore): void }) {
  const { t } = useTranslation();
  const [score, setScore] = useState<number | null>(null);
  const [criteria, setCriteria] = useState<Partial<Record<GuardReviewCriterion, number>>>({});
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (score === null) return setError(t('guard.review.score.pick'));
    setError(null);
    setSaving(true);
    try {
      onScored(await guardApi.score({ conversationId, score, criteria, comment: comment.trim() || null }));
    } catch (err) {
      setError(t('guard.review.score.error', { message: errorText(err, t) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="review-score" onSubmit={(e) => void submit(e)} data-testid="review-score-form" noValidate>
      <div className="review-score__stars" role="radiogroup" aria-label={t('guard.review.score.label')}>
        <span className="review-score__label">{t('guard.review.score.label')}</span>
        {SCORES.map((n) => (
          <button
            key={n}
            type="button"
            role="radio"
            aria-checked={score === n}
            aria-label={t('guard.review.score.value', { score: n })}
            className={`review-score__star${score !== null && n <= score ? ' is-on' : ''}`}
            data-testid={`review-score-${n}`}
            onClick={() => setScore(n)}
          >
            {n}
          </button>
        ))}
      </div>
      <fieldset className="review-score__criteria">
        <legend>{t('guard.review.score.criteria')}</legend>
        {GUARD_REVIEW_CRITERIA.map((c) => (
          <label key={c} className="review-score__criterion">
            <span>{t(`guard.review.score.criteriaNames.${c}`)}</span>
            <select
              className="select select--small"
              value={criteria[c] ?? ''}
              onChange={(e) => {
                const { [c]: _dropped, ...rest } = criteria;
                setCriteria(e.target.value ? { ...rest, [c]: Number(e.target.value) } : rest);
              }}
            >
              <option value="">{t('guard.review.score.notRated')}</option>
              {SCORES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
      <textarea
        className="input review-score__comment"
        rows={2}
        maxLength={2000}
        aria-label={t('guard.review.score.comment')}
        placeholder={`${t('guard.review.score.comment')} · ${t('guard.review.score.commentPlaceholder')}`}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        data-testid="review-score-comment"
      />
      <div className="review-score__actions">
        {error && (
          <span className="kbs-error" role="alert">
            {error}
          </span>
        )}
        <button type="submit" className="button button--primary button--small" disabled={saving} data-testid="review-score-submit">
          <Icon name="check" size={13} />
          {t('guard.review.score.submit')}
        </button>
      </div>
    </form>
  );
}
