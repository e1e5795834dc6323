import { describe, expect, it } from '@jest/globals';
import { fit, wrap } from './labels';

describe('axis labels', () => {
  it('shortens to a width, a Chinese character counting two columns', () => {
    expect(fit('Kettle', 10)).toBe('Kettle');
    expect(fit('Stainless kettle 1.5 L', 10)).toBe('Stainless…');
    expect(fit('不锈钢电热水壶', 8)).toBe('不锈钢电…');
    expect(fit('水壶', 4)).toBe('水壶');
  });

  it('wraps on spaces into at most two lines, else cuts by width', () => {
    expect(wrap('Wrong or missing item', 13)).toEqual(['Wrong or', 'missing item']);
    expect(wrap('Size / fit', 13)).toEqual(['Size / fit']);
    expect(wrap('Product quality issues of the month', 10)).toEqual(['Product', 'quality is…']);
    expect(wrap('尺码不合适', 10)).toEqual(['尺码不合适']);
    expect(wrap('不想要了（无理由）', 8)).toEqual(['不想要了', '（无理由…']);
  });
});
