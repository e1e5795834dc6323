import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleChange, User } from '@kefu/contracts';
import { useLiveEvent } from '../live/DeskLiveProvider';
import { Icon } from '../ui/icons';
import { guardApi } from './guard-api';

const when = (iso: string, lang: string) => new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });

/** For agents: every platform rule change of their stores they have not acknowledged, live, until they do. */
export function RuleChangeBanner({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const [pending, setPending] = useState<RuleChange[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const isAgent = user.role === 'agent';

  const load = useCallback(() => {
    if (!isAgent) return;
    guardApi
      .ruleChanges({ pending: 'true' })
      .then((p) => setPending(p.items))
      .catch((err: unknown) => console.warn('rule changes not loaded', err));
  }, [isAgent]);
  useEffect(load, [load]);
  useLiveEvent('rule_change.published', (change) => {
    if (isAgent && change.storeIds.some((s) => user.storeIds.includes(s))) setPending((list) => (list.some((c) => c.id === change.id) ? list : [change, ...list]));
  });

  const acknowledge = async (id: string) => {
    setBusy(id);
    try {
      await guardApi.acknowledge(id);
      setPending((list) => list.filter((c) => c.id !== id));
    } catch (err) {
      console.warn('acknowledgement failed', err);
    } finally {
      setBusy(null);
    }
  };

  if (!pending.length) return null;
  return (
    <div className="rule-banner" role="region" aria-label={t('guard.changes.bannerLabel')} data-testid="rule-change-banner">
      {pending.map((c) => (
        <div key={c.id} className="rule-banner__item" data-testid="rule-change-item">
          <Icon name="alert" size={15} />
          <div className="rule-banner__text">
            <strong>{t('guard.changes.bannerTitle', { platform: t(`guard.platforms.${c.platform}`), title: c.title })}</strong>
            <span>{c.summary}</span>
            <span className="rule-banner__meta">
              {t('guard.changes.effective', { at: when(c.effectiveAt, i18n.language) })} · {t('guard.changes.ackBy', { at: when(c.ackDueAt, i18n.language) })}
              {c.link && (
                <>
                  {' · '}
                  <a href={c.link} target="_blank" rel="noreferrer noopener">
                    {t('guard.changes.link')}
                  </a>
                </>
              )}
            </span>
          </div>
          <button type="button" className="button button--primary" data-testid="rule-change-ack" disabled={busy === c.id} onClick={() => void acknowledge(c.id)}>
            <Icon name="check" size={14} />
            {t('guard.changes.acknowledge')}
          </button>
        </div>
      ))}
    </div>
  );
}
