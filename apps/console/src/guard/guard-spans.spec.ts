import { describe, expect, it } from '@jest/globals';
import type { GuardViolation } from '@kefu/contracts';
import { reasons, reasonsByField, segments } from './guard-spans';

const v = (ruleId: string, action: 'block' | 'warn', start: number, end: number, text: string): GuardViolation => ({ ruleId, kind: 'term', action, start, end, match: text.slice(start, end), message: { zh: `中${ruleId}`, en: `en ${ruleId}` } });

describe('guard spans', () => {
  it('cuts the text at violations, the strictest action winning where they overlap', () => {
    const text = '加我微信 kefu2024 全网最低';
    const out = segments(text, [v('a', 'block', 2, 13, text), v('b', 'warn', 0, 4, text), v('c', 'warn', 14, 18, text)]);
    expect(out).toEqual([
      { text: '加我', action: 'warn' },
      { text: '微信 kefu2024', action: 'block' },
      { text: ' ', action: null },
      { text: '全网最低', action: 'warn' },
    ]);
    expect(out.map((s) => s.text).join('')).toBe(text);
  });

  it('ignores spans outside the text (a stale answer)', () => {
    expect(segments('abc', [v('a', 'warn', 2, 9, 'abcdefghij')])).toEqual([{ text: 'abc', action: null }]);
  });

  it("gives one reason per rule in the agent's language, block first", () => {
    const text = '第一 第一 加微信';
    const r = reasons([v('w', 'warn', 0, 2, text), v('w', 'warn', 3, 5, text), v('b', 'block', 6, 9, text)], 'en');
    expect(r).toEqual([
      { ruleId: 'b', action: 'block', reason: 'en b', matches: ['加微信'] },
      { ruleId: 'w', action: 'warn', reason: 'en w', matches: ['第一'] },
    ]);
    expect(reasons([v('w', 'warn', 0, 2, text)], 'zh-CN')[0].reason).toBe('中w');
  });

  it('groups the warnings of a saved text by field, in the order its fields first break a rule', () => {
    const short = '销量冠军';
    const body = '加微信 销量冠军';
    const warnings = [
      { ...v('w', 'warn', 4, 8, body), field: 'body' },
      { ...v('w', 'warn', 0, 4, short), field: 'shortAnswer' },
      { ...v('b', 'block', 0, 3, body), field: 'body' },
    ];
    expect(reasonsByField(warnings, 'zh-CN')).toEqual([
      {
        field: 'body',
        reasons: [
          { ruleId: 'b', action: 'block', reason: '中b', matches: ['加微信'] },
          { ruleId: 'w', action: 'warn', reason: '中w', matches: ['销量冠军'] },
        ],
      },
      { field: 'shortAnswer', reasons: [{ ruleId: 'w', action: 'warn', reason: '中w', matches: ['销量冠军'] }] },
    ]);
    expect(reasonsByField([], 'en')).toEqual([]);
  });
});
