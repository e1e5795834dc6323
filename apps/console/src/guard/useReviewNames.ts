import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../desk/useDirectory';
import { useStores } from '../desk/useStores';
import { useGuardRules } from './useGuardRules';

/** Names for the review's ids: stores, agents (the caller's directory) and rules (their reason in the reader's language). */
export function useReviewNames() {
  const { t, i18n } = useTranslation();
  const { stores, storeById } = useStores();
  const users = useUsers().data;
  const rules = useGuardRules().data;
  const zh = i18n.language.startsWith('zh');
  return useMemo(() => {
    const userById = new Map((users ?? []).map((u) => [u.id, u]));
    const ruleById = new Map((rules ?? []).map((r) => [r.id, r]));
    const agents = (users ?? []).filter((u) => u.role !== 'analyst').sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    return {
      stores,
      agents,
      rules: rules ?? [],
      storeName: (id: string) => storeById.get(id)?.name ?? id.slice(0, 8),
      agentName: (id: string | null, known?: string | null) => known ?? (id ? userById.get(id)?.name : null) ?? t('guard.review.unknownUser'),
      ruleLabel: (id: string) => {
        const rule = ruleById.get(id);
        return rule ? (zh ? rule.message.zh : rule.message.en) : t('guard.review.unknownRule', { id: id.slice(0, 8) });
      },
    };
  }, [stores, storeById, users, rules, zh, t]);
}

export type ReviewNames = ReturnType<typeof useReviewNames>;
