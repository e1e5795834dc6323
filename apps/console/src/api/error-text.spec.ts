/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import i18n from 'i18next';
import { ERROR_CODES } from '@kefu/contracts';
import { i18nReady, loadLanguage } from '../i18n';
import { describeRefusal, readRefusal } from '../tickets/ticket-errors';
import { ApiRequestError } from './client';
import { errorText } from './error-text';

await i18nReady;
await Promise.all([loadLanguage('en'), loadLanguage('zh-CN')]);
const en = i18n.getFixedT('en');
const zh = i18n.getFixedT('zh-CN');

const answer = (status: number, code: string, fields?: Record<string, string>) => new ApiRequestError(status, `server says ${code}`, fields, { statusCode: status, code, message: `server says ${code}` });

describe('error lines by code', () => {
  it('has a line of its own for every code of the API, in English and in Chinese', () => {
    for (const code of ERROR_CODES) {
      for (const t of [en, zh]) {
        const line = errorText(answer(400, code), t);
        expect({ code, line: line.startsWith('errors.') || line === `server says ${code}` }).toEqual({ code, line: false });
      }
    }
    const lines = (t: typeof en) => new Set(ERROR_CODES.map((c) => errorText(answer(400, c), t)));
    expect(lines(en).size).toBe(ERROR_CODES.length);
    expect(lines(zh).size).toBe(ERROR_CODES.length);
  });

  it('switches on the code, whatever the status or message', () => {
    expect(errorText(answer(429, 'LOGIN_THROTTLED'), en)).toBe('Too many failed sign-ins: wait a few minutes and try again.');
    expect(errorText(answer(429, 'LOGIN_THROTTLED'), zh)).toBe('登录失败次数过多，请几分钟后再试。');
    expect(errorText(answer(503, 'DATABASE_UNAVAILABLE'), zh)).toBe('服务台数据库暂不可用，请几秒后重试。');
    expect(errorText(answer(409, 'CONVERSATION_TAKEN'), en)).toBe('A colleague is assigned to this chat: take it over to reply.');
    expect(errorText(answer(400, 'VALIDATION_FAILED', { amount: 'must be positive' }), en)).toBe('Not accepted: amount: must be positive');
  });

  it('falls back to the network line, then to the server’s message for a code it does not know', () => {
    expect(errorText(new ApiRequestError(0, 'unreachable'), zh)).toBe('无法连接服务器，请检查网络。');
    expect(errorText(answer(418, 'TEAPOT'), en)).toBe('server says TEAPOT');
    expect(errorText(new Error('boom'), en)).toBe('boom');
  });

  it('gives a ticket refusal of no ticket kind the line of its code', () => {
    expect(describeRefusal(readRefusal(answer(404, 'NOT_FOUND')), en)).toBe('Not done: Not found: it was removed, or it is not in your stores.');
    expect(describeRefusal(readRefusal(answer(409, 'TICKET_CAUSE_REQUIRED')), zh)).toBe('请先确认问题原因再关闭工单。');
  });
});
