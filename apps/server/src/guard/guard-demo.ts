// Demo seed of the reply guard: what the demo stores sell, and one store made stricter than the defaults.
import type { EntityManager } from 'typeorm';
import { GuardRuleEntity } from './guard-rule.entity.js';
import { StoreGuardProfileEntity } from './store-guard-profile.entity.js';

const CATEGORIES: Record<string, string[]> = { home: ['home_goods'], coffee: ['food'], toys: ['toys'], kids: ['apparel'] };

export async function seedGuardDemo(m: EntityManager, storeIds: Map<string, string>): Promise<void> {
  for (const [key, categories] of Object.entries(CATEGORIES)) {
    const storeId = storeIds.get(key);
    if (storeId) await m.getRepository(StoreGuardProfileEntity).save({ storeId, categories });
  }
  const coffee = storeIds.get('coffee');
  if (coffee)
    await m.getRepository(GuardRuleEntity).save({
      storeId: coffee,
      platform: null,
      category: null,
      kind: 'term',
      terms: ['全网最低', '最低价', 'lowest price'],
      exceptions: null,
      pattern: null,
      action: 'block',
      message: { zh: '本店不做最低价承诺（品牌方要求）', en: 'This store makes no lowest-price promises (the brand asks so)' },
      effectiveAt: new Date(),
      status: 'active',
      source: 'manual',
    });
}
