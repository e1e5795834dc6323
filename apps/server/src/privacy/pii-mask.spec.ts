import { describe, expect, it } from '@jest/globals';
import { maskAddress, maskName, maskPhone, maskReceiver } from './pii-mask.js';

describe('masking personal data', () => {
  it('keeps a phone number’s first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('***45');
  });
  it('keeps a name’s first character', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李')).toBe('李*');
    expect(maskName('Li Wei')).toBe('L*****');
  });
  it('keeps an address down to its district', () => {
    expect(maskAddress('浙江省杭州市西湖区文三路 100 号 2 幢 301')).toBe('浙江省杭州市西湖区****');
    expect(maskAddress('上海市浦东新区世纪大道 8 号')).toBe('上海市浦东新区****');
    expect(maskAddress('12 Example Street, Springfield, Testland')).toBe('Springfield Testland ****');
  });
  it('masks only the fields a receiver has', () => {
    expect(maskReceiver({ phone: '13900001111' })).toEqual({ phone: '139****1111' });
  });
});
