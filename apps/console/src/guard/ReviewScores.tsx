import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { GuardReviewScore } from '@kefu/contracts';
import { useNowMinute } from '../time/clock';
import { formatDateTimeShort } from '../time/format';
import { Icon } from '../ui/icons';
import type { ScoreSummary } from './review-figures';
import type { ReviewNames } from './useReviewNames';

/** The scores given in the period: the average per agent (lowest first), then each score. */
export function ReviewScores({ scores, summary, error, names }: { scores: GuardReviewScore[] | null; summary: ScoreSummary; error: string | null; names: ReviewNames }) {
  const { t, i18n } = useTranslation();
  const now = useNowMinute();
  return (
    <section className="board-panel review-scores" data-testid="review-scores">
      <header className="board-panel__header">
        <h2 className="board-panel__title">{t('guard.review.scores.title')}</h2>
        {summary.average !== null && <span className="board-panel__hint">{t('guard.review.scores.average', { average: summary.average, count: summary.count })}</span>}
      </header>
      <div className="board-panel__body">
        {error && (
          <p className="inline-error" role="alert">
            <Icon name="alert" size={14} />
            {t('guard.review.loadError', { message: error })}
          </p>
        )}
        {scores?.length === 0 && <p className="board-empty board-empty__hint">{t('guard.review.scores.empty')}</p>}
        {summary.byAgent.length > 0 && (
          <ul className="review-agents">
            {summary.byAgent.map((a) => (
              <li key={a.agentId ?? ''} className="review-agent" data-testid="review-agent-average">
                <span>{a.agentId ? names.agentName(a.agentId, a.agentName) : t('guard.review.scores.noAgent')}</span>
                <span className={`review-average${a.average < 3 ? ' is-low' : ''}`}>{a.average}</span>
                <span className="review-agent__count">{t('guard.review.scores.count', { count: a.count })}</span>
              </li>
            ))}
          </ul>
        )}
        <ul className="review-score-list">
          {(scores ?? []).map((s) => (
            <li key={s.id} className="review-score-row" data-testid="review-score-row" data-conversation-id={s.conversationId}>
              <span className={`review-average${s.score < 3 ? ' is-low' : ''}`}>{s.score}</span>
              <span className="review-score-row__text">
                <span className="review-event__who">{s.agentId ? names.agentName(s.agentId, s.agentName) : t('guard.review.scores.noAgent')}</span>
                <span className="review-event__meta">
                  {names.storeName(s.storeId)} · {t('guard.review.scores.byReviewer', { name: s.reviewerName ?? t('guard.review.unknownUser') })} · {formatDateTimeShort(s.updatedAt, now, i18n.language)}
                </span>
                {Object.keys(s.criteria).length > 0 && (
                  <span className="review-event__meta">
                    {Object.entries(s.criteria)
                      .map(([c, n]) => `${t(`guard.review.score.criteriaNames.${c as keyof typeof s.criteria}`)} ${n}`)
                      .join(' · ')}
                  </span>
                )}
                {s.comment && <span className="review-score-row__comment">{s.comment}</span>}
              </span>
              <Link to="/c/$conversationId" params={{ conversationId: s.conversationId }} className="review-event__open" aria-label={t('guard.review.events.open')} title={t('guard.review.events.open')}>
                <Icon name="arrowRight" size={12} />
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
