import { describe, expect, it } from '@jest/globals';
import { ApiRequestError } from '../api/client';
import { readRefusal } from './ticket-errors';

const refusal = (status: number, code: string, details: Record<string, unknown> = {}, fields?: Record<string, string>) =>
  new ApiRequestError(status, 'server text', fields, { statusCode: status, code, message: 'server text', ...details });

describe('refused ticket writes', () => {
  it('tells an illegal step, a policy refusal, a pending override, a missing cause and bad fields apart by code', () => {
    expect(readRefusal(new ApiRequestError(0, 'down'))).toEqual({ kind: 'network' });
    expect(readRefusal(refusal(409, 'TICKET_ACTION_NOT_ALLOWED', { allowed: ['close', 'bogus'] }))).toEqual({ kind: 'illegal', allowed: ['close'] });
    expect(readRefusal(refusal(409, 'TICKET_POLICY_REFUSED', { policyDecision: { eligible: false } }))).toEqual({ kind: 'policy' });
    expect(readRefusal(refusal(409, 'TICKET_CAUSE_REQUIRED', { missing: ['cause'] }))).toEqual({ kind: 'missing_cause' });
    expect(readRefusal(refusal(409, 'TICKET_OVERRIDE_PENDING', { policyOverride: { status: 'pending' } }))).toEqual({ kind: 'override_pending' });
    expect(readRefusal(refusal(400, 'VALIDATION_FAILED', {}, { amount: 'more than the remaining paid amount' }))).toEqual({
      kind: 'fields',
      fields: { amount: 'more than the remaining paid amount' },
      message: 'server text',
    });
    expect(readRefusal(refusal(403, 'FORBIDDEN'))).toEqual({ kind: 'forbidden', message: 'server text' });
    expect(readRefusal(new Error('boom'))).toEqual({ kind: 'other', message: 'boom' });
  });

  it('goes by the code, not by the body’s shape or the status', () => {
    // A policy refusal that also carries `allowed` is still a policy refusal.
    expect(readRefusal(refusal(409, 'TICKET_POLICY_REFUSED', { allowed: ['approve'], policyDecision: {} }))).toEqual({ kind: 'policy' });
    // A 409 of another kind with a ticket-looking body is not taken for a ticket refusal.
    expect(readRefusal(refusal(409, 'CONFLICT', { missing: ['cause'] }))).toEqual({ kind: 'other', message: 'server text', code: 'CONFLICT' });
    expect(readRefusal(refusal(404, 'NOT_FOUND'))).toEqual({ kind: 'other', message: 'server text', code: 'NOT_FOUND' });
    // A code the console does not know (a newer server) is shown by the server's message.
    expect(readRefusal(refusal(409, 'SOMETHING_NEW'))).toEqual({ kind: 'other', message: 'server text' });
  });
});
