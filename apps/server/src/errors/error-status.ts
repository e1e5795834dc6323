import { HttpStatus } from '@nestjs/common';
import type { ErrorCode } from '@kefu/contracts';

/** The HTTP status of every error code: the one table the filter answers from. */
export const ERROR_STATUS: Record<ErrorCode, HttpStatus> = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  BAD_REQUEST: HttpStatus.BAD_REQUEST,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  INTERNAL_ERROR: HttpStatus.INTERNAL_SERVER_ERROR,
  DATABASE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  REDIS_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  DESK_SATURATED: HttpStatus.SERVICE_UNAVAILABLE,

  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  TOKEN_INVALID: HttpStatus.UNAUTHORIZED,
  BAD_CREDENTIALS: HttpStatus.UNAUTHORIZED,
  SESSION_EXPIRED: HttpStatus.UNAUTHORIZED,
  LOGIN_THROTTLED: HttpStatus.TOO_MANY_REQUESTS,

  SIGNATURE_INVALID: HttpStatus.UNAUTHORIZED,
  CHANNEL_DISABLED: HttpStatus.GONE,

  CONVERSATION_TAKEN: HttpStatus.CONFLICT,
  CONVERSATION_READ_ONLY: HttpStatus.FORBIDDEN,
  ASSIGN_SELF_ONLY: HttpStatus.FORBIDDEN,
  CONVERSATION_ALREADY_ACTIVE: HttpStatus.BAD_REQUEST,

  TICKET_ACTION_NOT_ALLOWED: HttpStatus.CONFLICT,
  TICKET_POLICY_REFUSED: HttpStatus.CONFLICT,
  TICKET_OVERRIDE_PENDING: HttpStatus.CONFLICT,
  TICKET_CAUSE_REQUIRED: HttpStatus.CONFLICT,

  EMAIL_TAKEN: HttpStatus.CONFLICT,
  INVITATION_GONE: HttpStatus.GONE,
  SETUP_DONE: HttpStatus.CONFLICT,

  ARTICLE_VERSION_CONFLICT: HttpStatus.CONFLICT,
  QUESTION_EXISTS: HttpStatus.CONFLICT,
  SHORTCUT_TAKEN: HttpStatus.BAD_REQUEST,

  REPLY_BLOCKED: HttpStatus.UNPROCESSABLE_ENTITY,
  REPLY_NEEDS_CONFIRMATION: HttpStatus.UNPROCESSABLE_ENTITY,

  REVEAL_QUOTA_EXCEEDED: HttpStatus.TOO_MANY_REQUESTS,

  CONTRACT_NOT_SET: HttpStatus.NOT_FOUND,
};

/** The code of an HTTP error raised outside the desk's services (the framework, body parser, throttler). */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case HttpStatus.UNAUTHORIZED:
      return 'UNAUTHENTICATED';
    case HttpStatus.FORBIDDEN:
      return 'FORBIDDEN';
    case HttpStatus.NOT_FOUND:
      return 'NOT_FOUND';
    case HttpStatus.CONFLICT:
      return 'CONFLICT';
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return 'PAYLOAD_TOO_LARGE';
    case HttpStatus.TOO_MANY_REQUESTS:
      return 'RATE_LIMITED';
    case HttpStatus.SERVICE_UNAVAILABLE:
      return 'DATABASE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST';
  }
}
