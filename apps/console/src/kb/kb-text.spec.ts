import { describe, expect, it } from '@jest/globals';
import type { QuickReply } from '@kefu/contracts';
import { altDigitSlot, fillVariables, filterQuickReplies, findPlaceholders, insertAtCaret, replaceRange, slashTrigger } from './kb-text';

describe('slashTrigger', () => {
  it('opens at the start of the text and after a space', () => {
    expect(slashTrigger('/', 1)).toEqual({ start: 0, end: 1, query: '' });
    expect(slashTrigger('/Tha', 4)).toEqual({ start: 0, end: 4, query: 'tha' });
    expect(slashTrigger('好的 /wait', 8)).toEqual({ start: 3, end: 8, query: 'wait' });
    expect(slashTrigger('line\n/hi', 8)).toEqual({ start: 5, end: 8, query: 'hi' });
  });

  it('does not open inside a word, a url or after the caret moved away', () => {
    expect(slashTrigger('and/or', 6)).toBeNull();
    expect(slashTrigger('http://x', 8)).toBeNull();
    expect(slashTrigger('/thanks more', 12)).toBeNull();
    expect(slashTrigger('/hi there', 3)).toEqual({ start: 0, end: 3, query: 'hi' });
    expect(slashTrigger('/hi', 9)).toBeNull();
  });
});

describe('insertAtCaret', () => {
  it('replaces a blank draft', () => {
    expect(insertAtCaret('  ', 0, 0, 'Hello')).toEqual({ text: 'Hello', caret: 5 });
  });

  it('inserts at the caret, keeping words apart', () => {
    expect(insertAtCaret('您好,', 3, 3, '七天无理由')).toEqual({ text: '您好, 七天无理由', caret: 9 });
    expect(insertAtCaret('Hi  thanks', 3, 3, 'X')).toEqual({ text: 'Hi X thanks', caret: 4 });
    expect(insertAtCaret('ab', 1, 1, 'X')).toEqual({ text: 'a X b', caret: 3 });
  });

  it('replaces the selection and uses line breaks around a multi-line body', () => {
    expect(insertAtCaret('Hi OLD', 3, 6, 'new')).toEqual({ text: 'Hi new', caret: 6 });
    expect(insertAtCaret('Hi', 2, 2, 'a\nb')).toEqual({ text: 'Hi\na\nb', caret: 6 });
  });
});

describe('replaceRange', () => {
  it('replaces the slash word with the quick reply', () => {
    expect(replaceRange('ok /wa', 3, 6, 'Please wait')).toEqual({ text: 'ok Please wait', caret: 14 });
  });
});

describe('placeholders', () => {
  it('finds the variables still unfilled, once each', () => {
    expect(findPlaceholders('Order {orderRef} for {customerName}, {orderRef} {unknown}')).toEqual([
      { name: 'orderRef', start: 6, end: 16 },
      { name: 'customerName', start: 21, end: 35 },
    ]);
  });

  it('fills the known values and keeps the unknown ones', () => {
    expect(fillVariables('Hi {customerName}, {storeName}: {orderRef}', { customerName: 'Ann', storeName: 'Moon', orderRef: null })).toBe(
      'Hi Ann, Moon: {orderRef}',
    );
  });
});

describe('filterQuickReplies', () => {
  const qr = (shortcut: string, title: string, lang: 'zh' | 'en' | null = null, storeId: string | null = null): QuickReply => ({
    id: shortcut,
    storeId,
    shortcut,
    title,
    body: `${title} body`,
    lang,
    createdAt: '',
    updatedAt: '',
  });
  const all = [qr('thanks', '感谢等待', 'zh'), qr('hello', 'Greeting', 'en'), qr('wait', '请稍等', 'zh'), qr('size', '选码建议', 'zh', 's1'), qr('th', 'Thumb')];

  it('ranks shortcut prefixes first, then titles, in the conversation language', () => {
    expect(filterQuickReplies(all, 'th', 'zh').map((r) => r.shortcut)).toEqual(['th', 'thanks']);
    expect(filterQuickReplies(all, '稍', 'zh').map((r) => r.shortcut)).toEqual(['wait']);
    expect(filterQuickReplies(all, 'hel', 'zh')).toEqual([]);
    expect(filterQuickReplies(all, 'hel', null).map((r) => r.shortcut)).toEqual(['hello']);
  });

  it('lists store replies first when nothing is typed', () => {
    expect(filterQuickReplies(all, '', 'zh')[0].shortcut).toBe('size');
  });
});

describe('altDigitSlot', () => {
  it('reads Alt+1…9 by the physical key', () => {
    expect(altDigitSlot({ altKey: true, ctrlKey: false, metaKey: false, code: 'Digit2', key: '™' })).toBe(1);
    expect(altDigitSlot({ altKey: true, ctrlKey: false, metaKey: false, code: 'Numpad1', key: '1' })).toBe(0);
    expect(altDigitSlot({ altKey: false, ctrlKey: false, metaKey: false, code: 'Digit2', key: '2' })).toBeNull();
    expect(altDigitSlot({ altKey: true, ctrlKey: true, metaKey: false, code: 'Digit2', key: '2' })).toBeNull();
  });
});
