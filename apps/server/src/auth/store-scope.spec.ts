import { describe, expect, it } from '@jest/globals';
import type { SelectQueryBuilder } from 'typeorm';
import { StoreScope } from './store-scope.js';

describe('StoreScope', () => {
  it('limits an agent to the stores they serve, even when they serve none', () => {
    const scope = StoreScope.of({ role: 'agent', storeIds: ['a'] });
    expect(scope.canSee('a')).toBe(true);
    expect(scope.canSee('b')).toBe(false);
    expect(StoreScope.of({ role: 'agent', storeIds: [] }).canSee('a')).toBe(false);
    expect(scope.rooms()).toEqual(['store:a']);
  });

  it('gives supervisors, analysts and admins every store unless limited', () => {
    for (const role of ['supervisor', 'analyst', 'admin'] as const) {
      expect(StoreScope.of({ role, storeIds: [] }).isAll).toBe(true);
      expect(StoreScope.of({ role, storeIds: [] }).rooms()).toEqual(['stores:all']);
      expect(StoreScope.of({ role, storeIds: ['a'] }).canSee('b')).toBe(false);
    }
  });

  it('shows global rows (null store) to everyone, and store rows only within the scope', () => {
    const where: [string, unknown][] = [];
    const qb = { andWhere: (sql: string, params?: unknown) => (where.push([sql, params]), qb) } as unknown as SelectQueryBuilder<object>;
    StoreScope.of({ role: 'admin', storeIds: [] }).applyWithGlobal(qb, 'a.storeId');
    expect(where).toEqual([]);
    StoreScope.of({ role: 'agent', storeIds: [] }).applyWithGlobal(qb, 'a.storeId');
    expect(where.pop()).toEqual(['a.storeId IS NULL', undefined]);
    StoreScope.of({ role: 'agent', storeIds: ['a', 'b'] }).applyWithGlobal(qb, 'a.storeId');
    expect(where.pop()).toEqual(['(a.storeId IS NULL OR a.storeId = ANY(:scopeStoreIds))', { scopeStoreIds: ['a', 'b'] }]);
  });
});
