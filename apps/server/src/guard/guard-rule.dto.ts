import type { GuardRule } from '@kefu/contracts';
import type { GuardRuleEntity } from './guard-rule.entity.js';

export const toGuardRuleDto = (r: GuardRuleEntity): GuardRule => ({
  id: r.id,
  storeId: r.storeId,
  platform: r.platform,
  category: r.category,
  kind: r.kind,
  ...(r.terms && { terms: r.terms }),
  ...(r.exceptions && { exceptions: r.exceptions }),
  ...(r.pattern && { pattern: r.pattern }),
  action: r.action,
  message: r.message,
  effectiveAt: r.effectiveAt.toISOString(),
  status: r.status,
  source: r.source,
  ruleChangeId: r.ruleChangeId,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});
