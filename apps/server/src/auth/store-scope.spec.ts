import { describe, expect, it } from '@jest/globals';
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
});
