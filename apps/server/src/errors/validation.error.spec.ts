import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { fieldsOf } from './validation.error.js';

describe('fieldsOf', () => {
  const schema = z.strictObject({ name: z.string(), policy: z.object({ days: z.number().int().positive() }) });

  it('names nested fields by their path', () => {
    const r = schema.safeParse({ name: 1, policy: { days: -1 } });
    expect(r.success).toBe(false);
    expect(Object.keys(fieldsOf(r.error!))).toEqual(['name', 'policy.days']);
  });

  it('names the body when the input is not an object, and each unknown key', () => {
    expect(Object.keys(fieldsOf(schema.safeParse([]).error!))).toEqual(['body']);
    expect(fieldsOf(schema.safeParse({ name: 'a', policy: { days: 1 }, extra: 1 }).error!)).toEqual({ extra: 'is not allowed' });
  });
});
