import { z } from 'zod';
import { text } from './input.js';

/** Every list answer of the API. */
export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), nextCursor: text().nullable() });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: text().max(200).optional(),
});
