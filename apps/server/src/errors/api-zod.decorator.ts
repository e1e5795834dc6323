import { applyDecorators, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { zod } from './zod.pipe.js';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>>; required?: string[] };

export const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;

/** Documents a request body in OpenAPI from the same zod schema that validates it. */
export const ApiZodBody = (schema: z.ZodType) => ApiBody({ schema: jsonSchema(schema, 'input') });

/** Documents a JSON answer from its zod contract. */
export const ApiZodOk = (schema: z.ZodType, description?: string) => ApiOkResponse({ description: description ?? 'OK', schema: jsonSchema(schema, 'output') });

/** Documents a 201 answer (a created resource) from its zod contract. */
export const ApiZodCreated = (schema: z.ZodType, description = 'Created') => ApiCreatedResponse({ description, schema: jsonSchema(schema, 'output') });

/** Documents a 202 answer (accepted for the worker or a webhook) from its zod contract. */
export const ApiZodAccepted = (schema: z.ZodType, description = 'Accepted') => ApiResponse({ status: 202, description, schema: jsonSchema(schema, 'output') });

/** Documents a CSV download. */
export const ApiCsv = (description: string) =>
  applyDecorators(ApiProduces('text/csv'), ApiOkResponse({ description, content: { 'text/csv': { schema: { type: 'string' } } } }));

/** Documents each query parameter in OpenAPI from the zod schema that parses the query. */
export function ApiZodQuery(schema: z.ZodType) {
  const { properties = {}, required = [] } = jsonSchema(schema, 'input');
  return applyDecorators(
    ...Object.entries(properties).map(([name, prop]) =>
      ApiQuery({ name, required: required.includes(name), schema: prop, description: typeof prop.description === 'string' ? prop.description : undefined }),
    ),
  );
}

/** The query, parsed by a contract schema (400 naming each bad parameter) and documented from it. */
export const ZodQuery =
  (schema: z.ZodType): ParameterDecorator =>
  (target, key, index) => {
    Query(zod(schema))(target, key, index);
    if (key !== undefined) ApiZodQuery(schema)(target, key, Object.getOwnPropertyDescriptor(target, key)!);
  };
