import type { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller.js';
import { StoreEntity } from '../store/store.entity.js';
import { notFound } from '../errors/desk-error.js';

export interface StoreRef {
  id: string;
  name: string;
  timezone: string;
}

/** The stores a query covers: the caller's scope, narrowed to `storeId` (404 when outside it). */
export async function scopedStores(db: DataSource, caller: Caller, storeId?: string): Promise<StoreRef[]> {
  if (storeId && !caller.scope.canSee(storeId)) throw notFound('Store');
  const qb = caller.scope.apply(db.getRepository(StoreEntity).createQueryBuilder('s'), 's.id').select(['s.id', 's.name', 's.timezone']).orderBy('s.name');
  if (storeId) qb.andWhere('s.id = :storeId', { storeId });
  const stores = await qb.getMany();
  if (storeId && stores.length === 0) throw notFound('Store');
  return stores.map((s) => ({ id: s.id, name: s.name, timezone: s.timezone }));
}

/** The stores per timezone: they share every local-day boundary, so one condition serves them all. */
export function byTimezone(stores: StoreRef[]): { timezone: string; ids: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const s of stores) groups.set(s.timezone, [...(groups.get(s.timezone) ?? []), s.id]);
  return [...groups].map(([timezone, ids]) => ({ timezone, ids }));
}
