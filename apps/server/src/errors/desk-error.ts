import { HttpException } from '@nestjs/common';
import type { ErrorCode } from '@kefu/contracts';
import { ERROR_STATUS } from './error-status.js';

/**
 * An error a service throws on purpose: its code (the client switches on it), an English message,
 * and details the answer carries beside them (`fields`, `allowed`, `assigneeId`…). The status comes
 * from the code's row in ERROR_STATUS unless a caller has a reason to name another.
 */
export class DeskError extends HttpException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    status: number = ERROR_STATUS[code],
  ) {
    super({ ...details, message }, status);
  }
}

/** 404 for a resource that does not exist or is outside the caller's stores (the same answer, so existence does not leak). */
export const notFound = (what: string) => new DeskError('NOT_FOUND', `${what} not found`);

/** 403 for a role or scope that does not allow the call. */
export const forbidden = (message: string) => new DeskError('FORBIDDEN', message);
