import type { TFunction } from 'i18next';
import type { FieldError, FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

// The contract's rules said in the user's language: a form validates with the contract's own schemas, and each issue
// becomes a sentence of `form.*` (by its kind and bounds; the few rules with their own words by their message).

/** Messages written in libs/contracts, in words of the console. */
const KNOWN: [RegExp, (t: TFunction) => string][] = [
  [/must be "HH:MM"/, (t) => t('form.time')],
  [/open must be before close/, (t) => t('form.openBeforeClose')],
  [/is listed twice/, (t) => t('form.duplicateDate')],
  [/must differ from start/, (t) => t('form.sameAsStart')],
  [/must not be before start/, (t) => t('form.beforeStart')],
  [/IANA time zone/, (t) => t('form.timezone')],
  [/PNG, JPEG or WebP/, (t) => t('form.image')],
  [/is already in use/, (t) => t('form.inUse')],
  [/store that does not exist/, (t) => t('form.unknownStore')],
  [/not one of yours/, (t) => t('form.notYourStore')],
  [/client must be given their stores/, (t) => t('form.clientStores')],
  [/at least 8 characters/, (t) => t('form.tooShort', { count: 8 })],
  [/between 2000 and 2100|YYYY-MM-DD|^Invalid ISO date/, (t) => t('form.date')],
  [/must be a month as YYYY-MM/, (t) => t('form.month')],
  [/at most two decimals/, (t) => t('form.cents')],
  [/one promotion fee a month/, (t) => t('form.oneAMonth')],
  [/at most three decimals|at most five decimals \(a percentage to three\)/, (t) => t('form.percentDecimals')],
];

type Issue = z.core.$ZodIssue;

/** One zod issue in words. */
export function issueText(issue: Issue, t: TFunction): string {
  for (const [pattern, say] of KNOWN) if (pattern.test(issue.message)) return say(t);
  switch (issue.code) {
    case 'too_small': {
      const count = Number(issue.minimum);
      if (issue.origin === 'string') return count <= 1 ? t('form.required') : t('form.tooShort', { count });
      if (issue.origin === 'array') return t('form.tooFew', { count });
      return t('form.min', { min: count });
    }
    case 'too_big': {
      const count = Number(issue.maximum);
      if (issue.origin === 'string') return t('form.tooLong', { count });
      if (issue.origin === 'array') return t('form.tooMany', { count });
      return t('form.max', { max: count });
    }
    case 'invalid_type':
      if (issue.expected === 'int') return t('form.integer');
      if (issue.expected === 'number') return t('form.number');
      return t('form.required');
    case 'invalid_format':
      if (issue.format === 'email') return t('form.email');
      if (issue.format === 'url') return t('form.url');
      if (issue.format === 'date') return t('form.date');
      return t('form.format');
    case 'invalid_value':
      return t('form.choice');
    case 'not_multiple_of':
      return t('form.integer');
    default:
      return t('form.invalid', { reason: issue.message });
  }
}

/** A reason the server gave for a field (`fields` of a 400/409), in words when it is a known one. */
export function serverFieldText(reason: string, t: TFunction): string {
  for (const [pattern, say] of KNOWN) if (pattern.test(reason)) return say(t);
  return t('form.invalid', { reason });
}

/** A react-hook-form resolver over a contract schema, its errors in the user's language. */
export function contractResolver<S extends z.ZodType<FieldValues>>(schema: S, t: TFunction): Resolver<z.input<S> & FieldValues, unknown, z.output<S>> {
  return async (values) => {
    const parsed = await schema.safeParseAsync(values);
    if (parsed.success) return { values: parsed.data, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.') || 'root';
      errors[path] ??= { type: issue.code, message: issueText(issue, t) };
    }
    return { values: {}, errors: nest(errors) as FieldErrors<z.input<S> & FieldValues> };
  };
}

/** `{'a.0.b': e}` → `{a: [{b: e}]}`, the shape react-hook-form reads errors in. */
function nest(flat: Record<string, FieldError>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, error] of Object.entries(flat)) {
    const keys = path.split('.');
    let node = out as Record<string, unknown>;
    keys.slice(0, -1).forEach((k, i) => {
      node[k] ??= /^\d+$/.test(keys[i + 1]) ? [] : {};
      node = node[k] as Record<string, unknown>;
    });
    node[keys[keys.length - 1]] ??= error;
  }
  return out;
}

/**
 * Puts a 400's field reasons on the form's fields (`pathOf` maps an API field path to the form's, or null when the
 * form has no such field). Returns whether any was placed, so the caller says "fix the fields" or the whole error.
 */
export function placeServerErrors(fields: Record<string, string> | undefined, pathOf: (path: string) => string | null | undefined, setError: (path: never, error: { type: string; message: string }) => void, t: TFunction): boolean {
  let placed = false;
  for (const [path, reason] of Object.entries(fields ?? {})) {
    const at = pathOf(path);
    if (!at) continue;
    setError(at as never, { type: 'server', message: serverFieldText(reason, t) });
    placed = true;
  }
  return placed;
}
