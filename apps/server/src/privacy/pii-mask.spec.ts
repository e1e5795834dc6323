import { describe, expect, it } from '@jest/globals';
import { maskAddress, maskName, maskPersonalText, maskPhone, maskReceiver, maskText } from './pii-mask.js';

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['021-12345678', '021-****5678'],
    ['(0755)1234567', '(0755)-****4567'],
    ['555 0199 12', '****9912'],
    ['12', '****'],
    ['12345', '****'],
    ['', ''],
    [null, ''],
  ])('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧*'],
    ['Wang Wei', 'W*'],
    ['𠮷野家', '𠮷*'],
    ['', ''],
    [null, ''],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe('maskAddress', () => {
  it.each([
    ['广东省深圳市南山区科技园科苑路15号', '广东省深圳市****'],
    ['上海市浦东新区张江路88号3栋501室', '上海市****'],
    ['北京朝阳区建国路1号', '北京****'],
    ['浙江杭州西湖区文三路90号', '浙江杭州****'],
    ['浙江省温州市鹿城区', '浙江省温州市****'],
    ['江苏省苏州工业园区星湖街328号', '江苏省苏州****'],
    ['广州市天河区体育西路', '广州市****'],
    ['新疆维吾尔自治区乌鲁木齐市天山区', '新疆维吾尔自治区乌鲁木齐市****'],
    ['湖北省恩施土家族苗族自治州恩施市', '湖北省恩施土家族苗族自治州****'],
    ['深圳市南山区省建大厦', '深圳市****'],
    ['Room 5, 88 Zhangjiang Rd, Shanghai', '****'],
    ['', ''],
  ])('%s → %s', (address, masked) => {
    expect(maskAddress(address)).toBe(masked);
  });

  it.each([
    ['浙江省杭州市西湖区文三路 100 号 2 幢 301', '浙江省杭州市西湖区****'],
    ['上海市浦东新区世纪大道 8 号', '上海市浦东新区****'],
    ['广东省深圳市南山区科技园科苑路15号', '广东省深圳市南山区****'],
    ['江苏省苏州工业园区星湖街328号', '江苏省苏州工业园区****'],
    ['浙江省温州市鹿城区', '浙江省温州市****'],
    ['12 Example Street, Springfield, Testland', '****'],
  ])('to its district in views: %s → %s', (address, masked) => {
    expect(maskAddress(address, 'district')).toBe(masked);
  });

  it('never keeps the street or the house number', () => {
    for (const a of ['广东省深圳市南山区科技园科苑路15号', '浙江杭州西湖区文三路90号', '上海市浦东新区张江路88号']) {
      expect(maskAddress(a)).not.toMatch(/\d|路|区/);
      expect(maskAddress(a, 'district')).not.toMatch(/\d|路/);
    }
  });
});

describe('maskText', () => {
  it('masks mobile numbers, landlines and e-mails in free text', () => {
    expect(maskText('鞋子开胶了,电话13812345678,或者打座机010-87654321')).toBe('鞋子开胶了,电话138****5678,或者打座机010-****4321');
    expect(maskText('mail me at li.lei@example.com please')).toBe('mail me at l***@example.com please');
  });

  it('masks house numbers of an address in the text', () => {
    expect(maskText('寄到上海市浦东新区张江路88号3栋501室')).toBe('寄到上海市浦东新区张江路**号*栋***室');
  });

  it('leaves order numbers, amounts and other figures alone', () => {
    const text = '订单号 202611270012345,三天了还没到,退 59.90 元,尺码 42';
    expect(maskText(text)).toBe(text);
  });
});

describe('maskPersonalText', () => {
  it.each([
    ['能改地址吗 13812345678', '能改地址吗 138****5678'],
    ['请寄到广东省深圳市南山区科技园科苑路15号3栋501室，谢谢', '请寄到广东省深圳市****，谢谢'],
    ['北京朝阳区建国路1号的快递怎么还没到', '北京****的快递怎么还没到'],
    ['南山区科苑路15号能送吗', '南山区科苑路**号能送吗'],
    ['我叫王小明，订单没到', '我叫王*，订单没到'],
    ['收货人：李四 电话 021-12345678', '收货人：李* 电话 021-****5678'],
    ['my name is John Smith and my parcel is late', 'my name is J* and my parcel is late'],
    ['hi, my name is anna, where is my order', 'hi, my name is a*, where is my order'],
    ['mail me at lily.wang@example.com please', 'mail me at l***@example.com please'],
    ['尺码偏小想退货', '尺码偏小想退货'],
  ])('%s → %s', (text, masked) => {
    expect(maskPersonalText(text)).toBe(masked);
  });

  it("masks the names it is told of, wherever they appear", () => {
    expect(maskPersonalText('张伟的订单还没发货, 张伟很着急', ['张伟'])).toBe('张*的订单还没发货, 张*很着急');
    expect(maskPersonalText('where is it', ['', null, 'x'])).toBe('where is it');
  });
});

describe('maskReceiver', () => {
  it('masks only the fields a receiver has, the address to its district', () => {
    expect(maskReceiver({ phone: '13900001111' })).toEqual({ phone: '139****1111' });
    expect(maskReceiver({ name: '张三丰', phone: '+86 138-1234-5678', address: '浙江省杭州市西湖区文三路 100 号' })).toEqual({ name: '张*', phone: '138****5678', address: '浙江省杭州市西湖区****' });
  });
});
