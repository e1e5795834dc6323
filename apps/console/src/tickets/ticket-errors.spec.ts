import { describe, expect, it } from '@jest/globals';
import { ApiRequestError } from '../api/client';
import { readRefusal } from './ticket-errors';

describe('refused ticket writes', () => {
  it('tells an illegal step, a policy refusal, a missing cause and bad fields apart', () => {
    expect(readRefusal(new ApiRequestError(0, 'down'))).toEqual({ kind: 'network' });
    expect(readRefusal(new ApiRequestError(409, 'illegal', undefined, { allowed: ['close', 'bogus'] }))).toEqual({ kind: 'illegal', allowed: ['close'] });
    expect(readRefusal(new ApiRequestError(409, 'policy', undefined, { policyDecision: { eligible: false } }))).toEqual({ kind: 'policy' });
    expect(readRefusal(new ApiRequestError(409, 'cause', undefined, { missing: ['cause'] }))).toEqual({ kind: 'missing_cause' });
    expect(readRefusal(new ApiRequestError(409, 'waits', undefined, { policyOverride: { status: 'pending' } }))).toEqual({ kind: 'override_pending' });
    expect(readRefusal(new ApiRequestError(400, 'bad', { amount: 'more than the remaining paid amount' }))).toEqual({
      kind: 'fields',
      fields: { amount: 'more than the remaining paid amount' },
      message: 'bad',
    });
    expect(readRefusal(new ApiRequestError(403, 'no'))).toEqual({ kind: 'forbidden', message: 'no' });
    expect(readRefusal(new ApiRequestError(409, 'someone else'))).toEqual({ kind: 'other', message: 'someone else' });
    expect(readRefusal(new Error('boom'))).toEqual({ kind: 'other', message: 'boom' });
  });
});
