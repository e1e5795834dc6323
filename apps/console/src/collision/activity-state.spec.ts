import { describe, expect, it } from '@jest/globals';
import type { ConversationActivityEvent } from '@kefu/contracts';
import { ACTIVITY_TTL_MS, applyActivity, expireActivity, splitWatchers, type ActivityMap } from './activity-state';

const event = (userId: string, state: ConversationActivityEvent['state'], conversationId = 'c1'): ConversationActivityEvent => ({
  conversationId,
  storeId: 's1',
  userId,
  userName: `name of ${userId}`,
  state,
});

const empty: ActivityMap = new Map();

describe('collision guard: who else is on a conversation', () => {
  it('lists others viewing and typing, never the user themself', () => {
    let map = applyActivity(empty, event('lily', 'viewing'), 1_000, 'me');
    map = applyActivity(map, event('tom', 'viewing'), 1_100, 'me');
    map = applyActivity(map, event('lily', 'typing'), 1_200, 'me');
    expect(applyActivity(map, event('me', 'typing'), 1_300, 'me')).toBe(map);
    const list = map.get('c1')!;
    expect(list.map((w) => [w.userId, w.state])).toEqual([
      ['lily', 'typing'],
      ['tom', 'viewing'],
    ]);
    expect(list[0]).toMatchObject({ userName: 'name of lily', at: 1_200 });
    expect(splitWatchers(list).typing.map((w) => w.userId)).toEqual(['lily']);
  });

  it('drops a user who left, and the conversation once nobody is left', () => {
    let map = applyActivity(empty, event('lily', 'viewing'), 1_000, 'me');
    map = applyActivity(map, event('tom', 'viewing', 'c2'), 1_000, 'me');
    const c2 = map.get('c2');
    const left = applyActivity(map, event('lily', 'left'), 2_000, 'me');
    expect(left.has('c1')).toBe(false);
    expect(left.get('c2')).toBe(c2); // other conversations keep their list (rows do not re-render)
    expect(applyActivity(left, event('lily', 'left'), 2_100, 'me')).toBe(left);
  });

  it('expires entries not refreshed for 30 s', () => {
    let map = applyActivity(empty, event('lily', 'viewing'), 0, 'me');
    map = applyActivity(map, event('tom', 'viewing'), 20_000, 'me');
    expect(expireActivity(map, ACTIVITY_TTL_MS - 1)).toBe(map);
    const expired = expireActivity(map, ACTIVITY_TTL_MS + 1);
    expect(expired.get('c1')!.map((w) => w.userId)).toEqual(['tom']);
    expect(expireActivity(expired, 20_000 + ACTIVITY_TTL_MS).size).toBe(0);
  });
});
