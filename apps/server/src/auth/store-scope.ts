import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { rooms } from '@kefu/contracts';
import type { UserEntity } from './user.entity.js';

/**
 * The stores a caller may see. The one mechanism behind every scoped query and every socket room:
 * agents see the stores they serve; supervisors, analysts and admins see all stores unless their
 * `storeIds` limits them.
 *
 * A query is scoped by an INNER JOIN to a one-row relation whose ON clause is the store condition
 * (PostgreSQL folds it into a plain filter). `.where()` replaces a query builder's conditions and
 * `.orWhere()` widens them, but neither touches a join: written before or after, nothing can drop
 * the scope. Raw SQL takes its fragment from `sql()`. The store ids themselves are not exposed, so
 * there is no other way to write a scope condition.
 */
export class StoreScope {
  readonly #storeIds: readonly string[] | null;

  private constructor(storeIds: readonly string[] | null) {
    this.#storeIds = storeIds;
  }

  static of(user: Pick<UserEntity, 'role' | 'storeIds'>): StoreScope {
    // Agents and clients see only the stores they are given; the others all stores unless limited.
    if (user.role !== 'agent' && user.role !== 'client' && user.storeIds.length === 0) return new StoreScope(null);
    return new StoreScope([...user.storeIds]);
  }

  get isAll(): boolean {
    return this.#storeIds === null;
  }

  canSee(storeId: string): boolean {
    return this.#storeIds === null || this.#storeIds.includes(storeId);
  }

  /** The store of a scope limited to exactly one store, else null. */
  get soleStoreId(): string | null {
    return this.#storeIds?.length === 1 ? this.#storeIds[0] : null;
  }

  /** The part of a list of store ids the caller may see (e.g. another user's `storeIds`). */
  visible(storeIds: readonly string[]): string[] {
    return storeIds.filter((id) => this.canSee(id));
  }

  /** Restricts a query to rows of the scope's stores; `column` is the aliased store id, e.g. `c.storeId`. */
  apply<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string): SelectQueryBuilder<T> {
    return this.restrict(qb, (ids) => `${column} = ANY(${ids})`);
  }

  /** Like `apply`, for rows that may belong to no store (`column` IS NULL: global articles, quick replies), visible to everyone. */
  applyWithGlobal<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string): SelectQueryBuilder<T> {
    return this.restrict(qb, (ids) => `(${column} IS NULL OR ${column} = ANY(${ids}))`);
  }

  /**
   * Restricts rows that list stores (`column` a uuid array, e.g. `u.storeIds`) to those sharing a
   * store with the scope, and `selfId`'s row whatever its stores.
   */
  applyToMembers<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, selfId?: string): SelectQueryBuilder<T> {
    return this.restrict(qb, (ids, self) => `(${column} && CAST(${ids} AS uuid[])${selfId ? ` OR ${qb.alias}.id = ${self(selfId)}` : ''})`);
  }

  /** The scope as a condition of a raw SQL query: pushes its parameter onto `params` (`$n`); TRUE when unrestricted. */
  sql(column: string, params: unknown[]): string {
    if (this.#storeIds === null) return 'TRUE';
    params.push([...this.#storeIds]);
    return `${column} = ANY($${params.length}::uuid[])`;
  }

  /** Socket.io rooms a client with this scope joins for its stores' events. */
  rooms(): string[] {
    return this.#storeIds === null ? [rooms.allStores] : this.#storeIds.map(rooms.store);
  }

  /** Rooms a client (brand) user joins: their stores' client rooms only. */
  clientRooms(): string[] {
    return (this.#storeIds ?? []).map(rooms.clientsOf);
  }

  /** Rooms of the supervisors' events (agents' presence) a lead with this scope joins. */
  leadRooms(): string[] {
    return this.#storeIds === null ? [rooms.allLeads] : this.#storeIds.map(rooms.leadsOf);
  }

  private restrict<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, condition: (ids: string, param: (value: string) => string) => string): SelectQueryBuilder<T> {
    if (this.#storeIds === null) return qb;
    let alias = 'scope';
    for (let n = 2; qb.expressionMap.aliases.some((a) => a.name === alias); n++) alias = `scope${n}`;
    const params: Record<string, unknown> = { [`${alias}Ids`]: [...this.#storeIds] };
    const param = (value: string) => {
      params[`${alias}Self`] = value;
      return `:${alias}Self`;
    };
    return qb.innerJoin('(SELECT 1)', alias, condition(`:${alias}Ids`, param), params);
  }
}
