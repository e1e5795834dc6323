import { ApiRequestError } from '../api/client';

/** Any failure as the API error the screens show (statusCode 0: the server could not be reached). */
export const toApiError = (err: unknown): ApiRequestError => (err instanceof ApiRequestError ? err : new ApiRequestError(0, String(err)));

/** A query's error as an API error, or null. */
export const apiErrorOf = (err: unknown): ApiRequestError | null => (err ? toApiError(err) : null);
