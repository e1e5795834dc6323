import { describe, expect, it } from '@jest/globals';
import { fillVariables } from './kb-variables.js';

describe('fillVariables', () => {
  it('fills known variables and leaves unknown values as placeholders, listed as missing', () => {
    const filled = fillVariables({ shortAnswer: '{customerName}您好', body: '订单{orderRef}，{storeName}，{other}' }, { customerName: '小王', orderRef: null, storeName: '鹿野家居' });
    expect(filled).toEqual({ shortAnswer: '小王您好', body: '订单{orderRef}，鹿野家居，{other}', missing: ['orderRef'] });
  });
});
