import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Inject, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import type { ApiError } from '@kefu/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { unavailableDependency } from './dependency-unavailable.js';
import { DeskError } from './desk-error.js';
import { codeForStatus } from './error-status.js';
import { isUniqueViolation } from './unique-violation.js';

/** Seconds a client is asked to wait before retrying a 503 (PostgreSQL or Redis unavailable). */
export const RETRY_AFTER_SECONDS = 5;

const reasonOf = (status: number) => HttpStatus[status]?.split('_').map((w) => w[0] + w.slice(1).toLowerCase()).join(' ') ?? 'Error';

/**
 * Turns every error into `{statusCode, error, code, message, fields?}`: a DeskError with its code's
 * status (ERROR_STATUS), anything else by what it is; only real faults are 500s.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toApiError(exception);
    // A 503 is logged by the request log; no stack for a dependency that is simply down.
    if (body.statusCode >= 500 && body.statusCode !== 503) this.logger.error(exception);
    if (res.headersSent) return;
    if (body.statusCode === 503) res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    res.status(body.statusCode).json(body);
  }

  private toApiError(exception: unknown): ApiError {
    // A dependency that is down is the client's cue to retry, not a fault of the desk.
    const down = unavailableDependency(exception, this.config.databaseUrl);
    if (down === 'database') return { statusCode: 503, error: 'Service Unavailable', code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable; retry shortly' };
    if (down === 'redis') return { statusCode: 503, error: 'Service Unavailable', code: 'REDIS_UNAVAILABLE', message: 'Redis is unavailable; retry shortly' };
    // body-parser errors arrive wrapped in an HttpException by the express adapter.
    const parserError = ((exception as { cause?: { type?: string } })?.cause ?? exception) as { type?: string };
    if (parserError?.type === 'entity.parse.failed') return { statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED', message: 'Body is not valid JSON', fields: { body: 'is not valid JSON' } };
    if (exception instanceof DeskError) {
      const status = exception.getStatus();
      return { ...exception.details, statusCode: status, error: reasonOf(status), code: exception.code, message: exception.message };
    }
    if (exception instanceof HttpException) {
      // The framework's own (no route: 404), the throttler's (429), the docs guard's.
      const status = exception.getStatus();
      const r = exception.getResponse();
      const obj = typeof r === 'object' && r !== null ? (r as Record<string, unknown>) : { message: String(r) };
      const message = Array.isArray(obj.message) ? obj.message.join('; ') : String(obj.message ?? exception.message);
      const { message: _m, statusCode: _s, error: _e, ...details } = obj;
      return { ...details, statusCode: status, error: reasonOf(status), code: codeForStatus(status), message };
    }
    const err = exception as { status?: number };
    if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) {
      return { statusCode: err.status, error: reasonOf(err.status), code: codeForStatus(err.status), message: (exception as Error).message };
    }
    // A unique violation no service named a conflict for.
    if (isUniqueViolation(exception)) return { statusCode: 409, error: 'Conflict', code: 'CONFLICT', message: 'Already exists' };
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string })?.code;
      if (code === '22P02' || code === '22007' || code === '22008') return { statusCode: 400, error: 'Bad Request', code: 'BAD_REQUEST', message: 'Invalid value' };
    }
    return { statusCode: 500, error: 'Internal Server Error', code: 'INTERNAL_ERROR', message: 'Internal server error' };
  }
}
