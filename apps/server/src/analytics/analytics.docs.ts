import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { z } from 'zod';
import { jsonSchema } from '../errors/api-zod.decorator.js';

/** Documents a JSON answer from its zod contract. */
export const ApiZodOk = (schema: z.ZodType, description?: string) => ApiOkResponse({ description, schema: jsonSchema(schema, 'output') });

/** Documents a CSV download. */
export const ApiCsv = (description: string) =>
  applyDecorators(ApiProduces('text/csv'), ApiOkResponse({ description, content: { 'text/csv': { schema: { type: 'string' } } } }));
