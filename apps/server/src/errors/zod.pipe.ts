import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { ValidationError, fieldsOf } from './validation.error.js';

/** Parses a body, query or param with a contract schema; the handler receives the parsed value. */
@Injectable()
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown, meta: ArgumentMetadata): z.infer<T> {
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) throw new ValidationError(fieldsOf(parsed.error, meta.type === 'body' ? 'body' : (meta.data ?? meta.type)));
    return parsed.data;
  }
}

export const zod = <T extends z.ZodType>(schema: T) => new ZodPipe(schema);

/**
 * The parsed type of a schema, for handler parameters. Written this way (not with the schema's
 * same-named type) so decorator metadata records `Object`, not the zod schema, under every compiler.
 */
export type Parsed<T extends z.ZodType> = z.infer<T>;
