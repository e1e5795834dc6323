import { ApiRequestError } from '../api/client';

/** Any failure as the API error the screens show (statusCode 0: the server could not be reached). */
export const toApiError = (err: unknown): ApiRequestError => (err instanceof ApiRequestError ? err : new ApiRequestError(0, String(err)));

/** A query's error as an API error, or null. */
export const apiErrorOf = (err: unknown): ApiRequestError | null => (err ? toApiError(err) : null);

/**
 * What went wrong, as the screens say it: "the server cannot be reached" in the reader's language, else the API's
 * message (with each bad field named, for `withFields`).
 */
export function errorText(err: unknown, t: (key: 'errors.network') => string, withFields = false): string {
  if (!(err instanceof ApiRequestError)) return err instanceof Error ? err.message : String(err);
  if (err.statusCode === 0) return t('errors.network');
  return withFields && err.fields ? Object.entries(err.fields).map(([f, m]) => `${f}: ${m}`).join('; ') : err.message;
}
