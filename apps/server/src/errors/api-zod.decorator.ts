import { ApiBody, ApiOkResponse } from '@nestjs/swagger';
import { z } from 'zod';

/** Documents a request body in OpenAPI from the same zod schema that validates it. */
export const ApiZodBody = (schema: z.ZodType) =>
  ApiBody({ schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> });

/** Documents a JSON answer from its zod contract. */
export const ApiZodOk = (schema: z.ZodType, description?: string) =>
  ApiOkResponse({ description, schema: z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown> });
