import type { TFunction } from 'i18next';
import { TICKET_ACTIONS, type ErrorCode, type TicketAction } from '@kefu/contracts';
import { ApiRequestError } from '../api/client';

/** What a refused ticket write means for the screen. */
export type TicketRefusal =
  | { kind: 'network' }
  /** The ticket moved on meanwhile: the step is no longer possible. */
  | { kind: 'illegal'; allowed: TicketAction[] }
  /** Approving against the policy needs an override reason. */
  | { kind: 'policy' }
  /** An agent's override waits for a supervisor. */
  | { kind: 'override_pending' }
  /** Closing needs a confirmed root cause. */
  | { kind: 'missing_cause' }
  /** Bad input, by field (e.g. a refund above what is left). */
  | { kind: 'fields'; fields: Record<string, string>; message: string }
  | { kind: 'forbidden'; message: string }
  /** Anything else: shown by its code when it has one. */
  | { kind: 'other'; message: string; code?: ErrorCode };

const isAction = (v: unknown): v is TicketAction => typeof v === 'string' && (TICKET_ACTIONS as readonly string[]).includes(v);

/** What the API's error code says about a refused ticket write. */
export function readRefusal(err: unknown): TicketRefusal {
  if (!(err instanceof ApiRequestError)) return { kind: 'other', message: err instanceof Error ? err.message : String(err) };
  if (err.statusCode === 0) return { kind: 'network' };
  switch (err.code) {
    case 'TICKET_ACTION_NOT_ALLOWED':
      return { kind: 'illegal', allowed: Array.isArray(err.body.allowed) ? err.body.allowed.filter(isAction) : [] };
    case 'TICKET_OVERRIDE_PENDING':
      return { kind: 'override_pending' };
    case 'TICKET_POLICY_REFUSED':
      return { kind: 'policy' };
    case 'TICKET_CAUSE_REQUIRED':
      return { kind: 'missing_cause' };
    case 'VALIDATION_FAILED':
      return { kind: 'fields', fields: err.fields ?? {}, message: err.message };
    case 'FORBIDDEN':
      return { kind: 'forbidden', message: err.message };
    default:
      return { kind: 'other', message: err.message, code: err.code };
  }
}

/** One line for the agent, in their language. */
export function describeRefusal(r: TicketRefusal, t: TFunction): string {
  switch (r.kind) {
    case 'network':
      return t('errors.network');
    case 'illegal':
      return r.allowed.length
        ? t('tickets.errors.illegal', { allowed: r.allowed.map((a) => t(`tickets.actions.${a}`)).join(t('tickets.errors.listSeparator')) })
        : t('tickets.errors.illegalNone');
    case 'policy':
      return t('tickets.errors.policy');
    case 'override_pending':
      return t('tickets.override.waitsForLead');
    case 'missing_cause':
      return t('tickets.errors.missingCause');
    case 'fields':
      return t('tickets.errors.fields', { message: r.message });
    case 'forbidden':
      return t('tickets.errors.forbidden');
    case 'other':
      return t('tickets.errors.other', { message: r.code ? t(`errors.codes.${r.code}`) : r.message });
  }
}

export const describeError = (err: unknown, t: TFunction): string => describeRefusal(readRefusal(err), t);
