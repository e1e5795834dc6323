import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>>; required?: string[] };

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;

/** Documents each query parameter in OpenAPI from the zod schema that parses the query. */
export function ApiZodQuery(schema: z.ZodType) {
  const { properties = {}, required = [] } = jsonSchema(schema, 'input');
  return applyDecorators(
    ...Object.entries(properties).map(([name, prop]) =>
      ApiQuery({ name, required: required.includes(name), schema: prop, description: typeof prop.description === 'string' ? prop.description : undefined }),
    ),
  );
}

export { ApiZodOk } from '../errors/api-zod.decorator.js';

/** Documents a CSV download. */
export const ApiCsv = (description: string) =>
  applyDecorators(ApiProduces('text/csv'), ApiOkResponse({ description, content: { 'text/csv': { schema: { type: 'string' } } } }));
