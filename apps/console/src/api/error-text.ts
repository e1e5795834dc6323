import type { TFunction } from 'i18next';
import { ApiRequestError } from './client';

/** One line for a failed call, in the user's language: by the answer's code, never by its shape. */
export function errorText(err: unknown, t: TFunction): string {
  if (!(err instanceof ApiRequestError)) return err instanceof Error ? err.message : String(err);
  if (err.statusCode === 0) return t('errors.network');
  const code = err.code;
  if (code === 'VALIDATION_FAILED') {
    const fields = err.fields && Object.keys(err.fields).length ? Object.entries(err.fields).map(([field, reason]) => `${field}: ${reason}`).join('; ') : err.message;
    return t('errors.codes.VALIDATION_FAILED', { fields });
  }
  return code ? t(`errors.codes.${code}`) : err.message;
}
