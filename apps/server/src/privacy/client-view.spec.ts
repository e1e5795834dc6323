import { customerIdsIn, maskForClient } from './client-view.js';

describe('what a client user sees of buyers', () => {
  it('masks customers, their names wherever written, contacts in messages, and leaves out notes', () => {
    const detail = {
      id: 'c1',
      customer: { id: 'u1', name: '张三丰', externalId: 'tb_zhangsan' },
      lastMessagePreview: '张三丰您好,电话 13812345678',
      messages: [
        { body: '我的手机是 138-1234-5678，邮箱 zhang.san@example.com', direction: 'inbound' },
        { body: '客户很急,先别承诺退款', direction: 'note' },
        { body: '张三丰您好,您的退货申请已受理', direction: 'outbound' },
      ],
      tickets: [{ customerName: 'Li Wei', orderRef: 'TB100' }],
    };
    expect(maskForClient(detail)).toEqual({
      id: 'c1',
      customer: { id: 'u1', name: '张*', externalId: 't*' },
      lastMessagePreview: '张*您好,电话 138****5678',
      messages: [
        { body: '我的手机是 138****5678，邮箱 z***@example.com', direction: 'inbound' },
        { body: '张*您好,您的退货申请已受理', direction: 'outbound' },
      ],
      tickets: [{ customerName: 'L*', orderRef: 'TB100' }],
    });
  });

  it('masks a buyer’s words in any text field (a ticket’s reason, a timeline note), the given names included, and keeps the desk’s own values', () => {
    const ticket = {
      id: 'a1b2',
      customerId: 'u1',
      status: 'approved',
      orderRef: 'TB13812345678',
      createdAt: '2026-12-02T10:00:00.000Z',
      customerReason: '欧阳修远说杯子碎了，电话13987654321，补发到上海市浦东新区世纪大道1000号',
      timeline: [{ kind: 'note', details: { note: '买家邮箱 xy.ouyang@example.com' } }],
    };
    expect(maskForClient(ticket, '', ['欧阳修远'])).toEqual({
      ...ticket,
      customerReason: '欧*说杯子碎了，电话139****4321，补发到上海市****',
      timeline: [{ kind: 'note', details: { note: '买家邮箱 x***@example.com' } }],
    });
    expect([...customerIdsIn({ items: [ticket, { customerId: 'u2' }], customerId: 'u1' })].sort()).toEqual(['u1', 'u2']);
  });

  it('leaves order numbers, amounts and dates alone', () => {
    const text = '订单 20261202123456789 金额 1399 元, 2026-12-02';
    expect(maskForClient({ body: text })).toEqual({ body: text });
  });
});
