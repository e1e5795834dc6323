import type { z } from 'zod';
import { DeskError } from './desk-error.js';

/** A 400 that names each bad field: `{statusCode, error, code: VALIDATION_FAILED, message, fields}`. */
export class ValidationError extends DeskError {
  constructor(readonly fields: Record<string, string>) {
    super('VALIDATION_FAILED', `Invalid ${Object.keys(fields).join(', ')}`, { fields });
  }
}

export function fieldsOf(error: z.ZodError, root = 'body'): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = 'is not allowed';
      continue;
    }
    const path = issue.path.length ? issue.path.join('.') : root;
    fields[path] ??= issue.message;
  }
  return fields;
}
