import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { rooms } from '@kefu/contracts';
import type { UserEntity } from '../user/user.entity.js';

/**
 * The stores a caller may see. The one mechanism behind every scoped query and every socket room:
 * agents see the stores they serve; supervisors, analysts and admins see all stores unless their
 * `storeIds` limits them.
 */
export class StoreScope {
  private constructor(readonly storeIds: readonly string[] | 'all') {}

  static of(user: Pick<UserEntity, 'role' | 'storeIds'>): StoreScope {
    if (user.role !== 'agent' && user.storeIds.length === 0) return new StoreScope('all');
    return new StoreScope([...user.storeIds]);
  }

  get isAll(): boolean {
    return this.storeIds === 'all';
  }

  canSee(storeId: string): boolean {
    return this.storeIds === 'all' || this.storeIds.includes(storeId);
  }

  /** Restricts a query to the scope; `column` is the aliased store id column, e.g. `c.storeId`. */
  apply<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string): SelectQueryBuilder<T> {
    if (this.storeIds === 'all') return qb;
    if (this.storeIds.length === 0) return qb.andWhere('false');
    return qb.andWhere(`${column} = ANY(:scopeStoreIds)`, { scopeStoreIds: this.storeIds });
  }

  /**
   * Like `apply`, for rows that may belong to no store (`column` IS NULL: global knowledge-base
   * articles, quick replies): those are visible to everyone.
   */
  applyWithGlobal<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string): SelectQueryBuilder<T> {
    if (this.storeIds === 'all') return qb;
    if (this.storeIds.length === 0) return qb.andWhere(`${column} IS NULL`);
    return qb.andWhere(`(${column} IS NULL OR ${column} = ANY(:scopeStoreIds))`, { scopeStoreIds: this.storeIds });
  }

  /** Socket.io rooms a client with this scope joins. */
  rooms(): string[] {
    return this.storeIds === 'all' ? [rooms.allStores] : this.storeIds.map(rooms.store);
  }
}
