import { toNestErrors } from '@hookform/resolvers';
import type { TFunction } from 'i18next';
import type { FieldError, FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import i18n from '../i18n';

// Every console form validates with the contract's own schema (react-hook-form), and says what is wrong beside the
// field in the reader's language: a zod issue is worded from its code and bounds, never from the schema's English text.

type Issue = z.core.$ZodIssue;

/** One zod issue in the console's language. */
export function issueText(issue: Issue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? t('fieldIssue.required') : t('fieldIssue.tooShort', { count: Number(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set') return Number(issue.minimum) <= 1 ? t('fieldIssue.pickOne') : t('fieldIssue.tooFew', { count: Number(issue.minimum) });
      return t('fieldIssue.atLeast', { min: String(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('fieldIssue.tooLong', { count: Number(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('fieldIssue.tooMany', { count: Number(issue.maximum) });
      return t('fieldIssue.atMost', { max: String(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('fieldIssue.email') : t('fieldIssue.format');
    case 'invalid_type':
      return issue.input === undefined || issue.input === '' ? t('fieldIssue.required') : t('fieldIssue.invalid');
    case 'invalid_value':
      return t('fieldIssue.choose');
    case 'not_multiple_of':
      return t('fieldIssue.whole');
    default:
      return t('fieldIssue.invalid');
  }
}

/**
 * A react-hook-form resolver over a contract schema: the parsed (cleaned, defaulted) values on success, else the first
 * issue of each field as its error, worded by `issueText` (type: the zod issue code).
 */
export function contractResolver<S extends z.ZodType<unknown, FieldValues>>(schema: S): Resolver<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues> {
  return async (values, _context, options) => {
    const parsed = await schema.safeParseAsync(values);
    if (parsed.success) return { values: parsed.data as z.output<S> & FieldValues, errors: {} };
    const flat: Record<string, FieldError> = {};
    // An issue inside a field the form holds as one control (a comma-separated list parsed to an array) is that field's.
    const fields = Object.keys(options.fields ?? {});
    for (const issue of parsed.error.issues) {
      const full = issue.path.map(String);
      let path = full.join('.') || 'root';
      for (let n = full.length - 1; n > 0 && !fields.includes(path); n--) if (fields.includes(full.slice(0, n).join('.'))) path = full.slice(0, n).join('.');
      flat[path] ??= { type: issue.code, message: issueText(issue as Issue, i18n.t.bind(i18n) as TFunction) };
    }
    return { values: {}, errors: toNestErrors(flat as FieldErrors, options) };
  };
}

/** What a server's 400 answer said of each field, put beside the fields of a form that has them (true if any). */
export function setServerFieldErrors(fields: Record<string, string> | undefined, known: readonly string[], setError: (name: never, error: FieldError) => void, t: TFunction): boolean {
  let any = false;
  for (const [name, reason] of Object.entries(fields ?? {})) {
    if (!known.includes(name)) continue;
    setError(name as never, { type: 'server', message: t('fieldIssue.server', { reason }) });
    any = true;
  }
  return any;
}
