import { describe, expect, it } from '@jest/globals';
import { StoreScope } from './store-scope.js';

describe('StoreScope', () => {
  it('limits an agent to the stores they serve, even when they serve none', () => {
    const scope = StoreScope.of({ role: 'agent', storeIds: ['a'] });
    expect(scope.canSee('a')).toBe(true);
    expect(scope.canSee('b')).toBe(false);
    expect(StoreScope.of({ role: 'agent', storeIds: [] }).canSee('a')).toBe(false);
    expect(scope.rooms()).toEqual(['store:a']);
    expect(scope.soleStoreId).toBe('a');
  });

  it('gives supervisors, analysts and admins every store unless limited', () => {
    for (const role of ['supervisor', 'analyst', 'admin'] as const) {
      expect(StoreScope.of({ role, storeIds: [] }).isAll).toBe(true);
      expect(StoreScope.of({ role, storeIds: [] }).rooms()).toEqual(['stores:all']);
      expect(StoreScope.of({ role, storeIds: [] }).leadRooms()).toEqual(['leads:all']);
      expect(StoreScope.of({ role, storeIds: ['a'] }).canSee('b')).toBe(false);
      expect(StoreScope.of({ role, storeIds: ['a', 'c'] }).leadRooms()).toEqual(['leads:a', 'leads:c']);
    }
  });

  it("shows of another user's stores only those in the scope", () => {
    expect(StoreScope.of({ role: 'supervisor', storeIds: ['a'] }).visible(['a', 'b'])).toEqual(['a']);
    expect(StoreScope.of({ role: 'supervisor', storeIds: [] }).visible(['a', 'b'])).toEqual(['a', 'b']);
    expect(StoreScope.of({ role: 'supervisor', storeIds: ['a', 'b'] }).soleStoreId).toBeNull();
  });

  it('gives raw SQL its condition and parameter', () => {
    const params: unknown[] = ['x'];
    expect(StoreScope.of({ role: 'agent', storeIds: ['a', 'b'] }).sql('c.store_id', params)).toBe('c.store_id = ANY($2::uuid[])');
    expect(params).toEqual(['x', ['a', 'b']]);
    expect(StoreScope.of({ role: 'admin', storeIds: [] }).sql('c.store_id', params)).toBe('TRUE');
    expect(params).toHaveLength(2);
  });
});
