import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

export { ApiZodOk } from '../errors/api-zod.decorator.js';

/** Documents a CSV download. */
export const ApiCsv = (description: string) =>
  applyDecorators(ApiProduces('text/csv'), ApiOkResponse({ description, content: { 'text/csv': { schema: { type: 'string' } } } }));
