import { z } from 'zod';
import { text } from '../input.js';
import { ERROR_CODES } from './codes.js';

export const ErrorCodeSchema = z.enum(ERROR_CODES);

/**
 * Every error answer of the API: `{statusCode, error, code, message, fields?}`. Clients switch on
 * `code`; `message` is English for people reading logs; some codes carry details beside them
 * (`assigneeId`, `allowed`, `policyDecision`, `version`…, documented on the code).
 */
export const ApiErrorSchema = z
  .looseObject({
    statusCode: z.number().int().min(400).max(599),
    error: text().meta({ description: 'The HTTP reason phrase, e.g. "Not Found"' }),
    code: ErrorCodeSchema,
    message: text(),
    fields: z.record(text(), text()).optional().meta({ description: 'Each bad field (dotted path) and what is wrong with it' }),
  })
  .meta({ description: 'An error answer' });

export type ApiError = z.infer<typeof ApiErrorSchema>;
