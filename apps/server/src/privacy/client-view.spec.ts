import { maskForClient } from './client-view.js';

describe('what a client user sees of buyers', () => {
  it('masks customers, their names in rows, and contacts written in messages', () => {
    const detail = {
      id: 'c1',
      customer: { id: 'u1', name: '张三丰', externalId: 'tb_zhangsan' },
      lastMessagePreview: '电话 13812345678',
      messages: [{ body: '我的手机是 138-1234-5678，邮箱 zhang.san@example.com', direction: 'inbound' }],
      tickets: [{ customerName: 'Li Wei', orderRef: 'TB100' }],
    };
    expect(maskForClient(detail)).toEqual({
      id: 'c1',
      customer: { id: 'u1', name: '张**', externalId: 't**********' },
      lastMessagePreview: '电话 138****5678',
      messages: [{ body: '我的手机是 138****5678，邮箱 z***@example.com', direction: 'inbound' }],
      tickets: [{ customerName: 'L*****', orderRef: 'TB100' }],
    });
  });

  it('leaves order numbers, amounts and dates alone', () => {
    const text = '订单 20261202123456789 金额 1399 元, 2026-12-02';
    expect(maskForClient({ body: text })).toEqual({ body: text });
  });
});
