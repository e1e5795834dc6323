import { describe, expect, it } from '@jest/globals';
import type { ArgumentsHost } from '@nestjs/common';
import { HttpException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ERROR_CODES, ERROR_CODES_BY_MODULE, type ErrorCode } from '@kefu/contracts';
import type { AppConfig } from '../config/config.js';
import { DeskError } from './desk-error.js';
import { ERROR_STATUS } from './error-status.js';
import { HttpExceptionFilter } from './http-exception.filter.js';
import { ValidationError } from './validation.error.js';

/** The status every code answers with: what clients already rely on (a change here is a breaking change). */
const EXPECTED: [ErrorCode, number][] = [
  ['VALIDATION_FAILED', 400],
  ['BAD_REQUEST', 400],
  ['FORBIDDEN', 403],
  ['NOT_FOUND', 404],
  ['CONFLICT', 409],
  ['PAYLOAD_TOO_LARGE', 413],
  ['RATE_LIMITED', 429],
  ['INTERNAL_ERROR', 500],
  ['DATABASE_UNAVAILABLE', 503],
  ['REDIS_UNAVAILABLE', 503],
  ['DESK_SATURATED', 503],
  ['UNAUTHENTICATED', 401],
  ['TOKEN_INVALID', 401],
  ['BAD_CREDENTIALS', 401],
  ['SESSION_EXPIRED', 401],
  ['LOGIN_THROTTLED', 429],
  ['SIGNATURE_INVALID', 401],
  ['CHANNEL_DISABLED', 410],
  ['CONVERSATION_TAKEN', 409],
  ['CONVERSATION_READ_ONLY', 403],
  ['ASSIGN_SELF_ONLY', 403],
  ['CONVERSATION_ALREADY_ACTIVE', 400],
  ['TICKET_ACTION_NOT_ALLOWED', 409],
  ['TICKET_POLICY_REFUSED', 409],
  ['TICKET_OVERRIDE_PENDING', 409],
  ['TICKET_CAUSE_REQUIRED', 409],
  ['EMAIL_TAKEN', 409],
  ['INVITATION_GONE', 410],
  ['SETUP_DONE', 409],
  ['ARTICLE_VERSION_CONFLICT', 409],
  ['QUESTION_EXISTS', 409],
  ['SHORTCUT_TAKEN', 400],
  ['REPLY_BLOCKED', 422],
  ['REPLY_NEEDS_CONFIRMATION', 422],
  ['REVEAL_QUOTA_EXCEEDED', 429],
  ['CONTRACT_NOT_SET', 404],
];

/** Runs the filter on an error and returns what it answers. */
function answer(err: unknown): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
  const out = { status: 0, body: {} as Record<string, unknown>, headers: {} as Record<string, string> };
  const res = {
    headersSent: false,
    setHeader: (k: string, v: string) => (out.headers[k.toLowerCase()] = v),
    status: (s: number) => ((out.status = s), res),
    json: (b: Record<string, unknown>) => ((out.body = b), res),
  };
  const host = { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  new HttpExceptionFilter({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/kefu' } as AppConfig).catch(err, host);
  return out;
}

describe('error codes → HTTP status', () => {
  it.each(EXPECTED)('%s answers %i', (code, status) => {
    expect(ERROR_STATUS[code]).toBe(status);
    expect(answer(new DeskError(code, 'm'))).toMatchObject({ status, body: { statusCode: status, code, message: 'm' } });
  });

  it('covers every code of every module, each code in one module only', () => {
    expect(EXPECTED.map(([c]) => c).sort()).toEqual([...ERROR_CODES].sort());
    const all = Object.values(ERROR_CODES_BY_MODULE).flatMap((m) => Object.values(m));
    expect(new Set(all).size).toBe(all.length);
  });

  it('passes details on beside code and message, and keeps the fields of a validation error', () => {
    expect(answer(new DeskError('TICKET_ACTION_NOT_ALLOWED', 'no', { allowed: ['close'] })).body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'TICKET_ACTION_NOT_ALLOWED',
      message: 'no',
      allowed: ['close'],
    });
    expect(answer(new ValidationError({ name: 'is required' })).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'VALIDATION_FAILED',
      message: 'Invalid name',
      fields: { name: 'is required' },
    });
  });

  it('codes errors raised outside the services by their status: no route, throttler, unnamed unique violation, a bug', () => {
    expect(answer(new NotFoundException('Cannot GET /api/nope')).body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect(answer(new HttpException('Too many requests', 429)).body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    const duplicate = new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505' }));
    expect(answer(duplicate).body).toEqual({ statusCode: 409, error: 'Conflict', code: 'CONFLICT', message: 'Already exists' });
    expect(answer(Object.assign(new Error('too large'), { status: 413 })).body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(answer(new TypeError('x is undefined'))).toMatchObject({ status: 500, body: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
  });
});
