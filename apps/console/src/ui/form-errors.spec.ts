import { describe, expect, it } from '@jest/globals';
import i18n from 'i18next';
import { CreateStoreInput, CreateUserInput } from '@kefu/contracts';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { contractResolver, issueText, serverFieldText } from './form-errors';

describe('contract errors in the user’s language', () => {
  it('says each kind of issue with its bound, in zh-CN and English', async () => {
    await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zh } }, lng: 'en', interpolation: { escapeValue: false } });
    const issues = CreateUserInput.safeParse({ email: 'x', name: '', password: 'short', role: 'boss', maxConcurrent: 101 }).error!.issues;
    const by = (lng: string) => Object.fromEntries(issues.map((i) => [i.path.join('.'), issueText(i, i18n.getFixedT(lng))]));
    expect(by('en')).toEqual({ email: 'A valid email address.', name: 'Required.', password: 'At least 8 characters.', role: 'Choose one of the options.', maxConcurrent: 'At most 100.' });
    expect(by('zh-CN')).toMatchObject({ email: '请填有效的邮箱地址。', password: '至少 8 个字符。', maxConcurrent: '不能大于 100。' });
    const hours = CreateStoreInput.safeParse({ name: 'A', platform: 'jd', businessHours: [{ weekday: 1, open: '18:00', close: '09:00' }] }).error!.issues[0];
    expect(issueText(hours, i18n.getFixedT('zh-CN'))).toBe('结束时间必须晚于开始时间。');
    expect(serverFieldText('is already in use', i18n.getFixedT('zh-CN'))).toBe('已被使用。');
    expect(serverFieldText('points to a private address', i18n.getFixedT('en'))).toBe('Not accepted: points to a private address');
  });

  it('gives react-hook-form nested errors at the fields’ paths', async () => {
    const resolve = contractResolver(CreateStoreInput, i18n.getFixedT('en'));
    const r = await resolve({ name: 'A', platform: 'jd', holidays: [{ date: '2026-10-01', hours: [{ open: '9', close: '10:00' }] }] } as never, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect((r.errors as any).holidays[0].hours[0].open.message).toBe('A time from 00:00 to 24:00.');
  });
});
