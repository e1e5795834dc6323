import { SetMetadata } from '@nestjs/common';
import type { ErrorCode } from '@kefu/contracts';

export const API_ERRORS = 'kefu:api-errors';

/**
 * The error codes a route answers beyond those the OpenAPI document derives from the route itself
 * (VALIDATION_FAILED for input, UNAUTHENTICATED/TOKEN_INVALID without @Public, FORBIDDEN with @Roles,
 * NOT_FOUND with a path id, RATE_LIMITED, DATABASE_UNAVAILABLE/REDIS_UNAVAILABLE).
 */
export const ApiErrors = (...codes: ErrorCode[]) => SetMetadata(API_ERRORS, codes);
