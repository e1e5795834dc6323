import { describe, expect, it } from '@jest/globals';
import { orderRefIn, orderTotal } from './order.js';

describe('orderRefIn', () => {
  it.each([
    ['你好,订单号 202611270012345 的鞋子小了', '202611270012345'],
    ['订单号:TB-20261127-889 还没发货', 'TB-20261127-889'],
    ['My order #A1234567 never arrived', 'A1234567'],
    ['order number: 556677889900', '556677889900'],
    ['就是这个 3857201946571123 快递一直不动', '3857201946571123'],
    ['手机号 13812345678 可以联系我', null],
    ['订单号是多少我忘了', null],
    ['衣服尺码 175/92A', null],
  ])('%s → %s', (text, ref) => expect(orderRefIn(text)).toBe(ref));
});

describe('orderTotal', () => {
  it('sums qty × price to the cent', () => expect(orderTotal([{ qty: 3, price: 0.1 }, { qty: 1, price: 19.99 }])).toBe(20.29));
});
