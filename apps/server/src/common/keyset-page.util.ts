import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { instant, type Page } from '@kefu/contracts';
import { ValidationError } from '../errors/validation.error.js';

interface Cursor {
  at: string;
  id: string;
}

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor this API gave: an instant it could have written and a row id; anything else is a 400, never a database error. */
function decode(cursor: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Cursor;
    if (typeof c.at === 'string' && typeof c.id === 'string' && instant().safeParse(c.at).success && UUID.test(c.id)) return { at: c.at, id: c.id };
  } catch {
    /* fall through */
  }
  throw new ValidationError({ cursor: 'is not a cursor this API returned' });
}

/**
 * Keyset pagination over a timestamp column and the id (newest first unless `order: 'ASC'`): stable
 * while rows are added. `timeColumn`/`idColumn` are aliased property paths, e.g. `c.lastMessageAt`, `c.id`.
 */
export async function keysetPage<T extends ObjectLiteral, R>(
  qb: SelectQueryBuilder<T>,
  opts: { timeColumn: string; idColumn: string; limit: number; cursor?: string; order?: 'ASC' | 'DESC'; timeOf: (row: T) => Date; map: (row: T) => R },
): Promise<Page<R>> {
  const order = opts.order ?? 'DESC';
  const total = await qb.clone().getCount();
  if (opts.cursor) {
    const c = decode(opts.cursor);
    qb.andWhere(`(${opts.timeColumn}, ${opts.idColumn}) ${order === 'DESC' ? '<' : '>'} (:cursorAt, :cursorId)`, { cursorAt: c.at, cursorId: c.id });
  }
  const rows = await qb.orderBy(opts.timeColumn, order).addOrderBy(opts.idColumn, order).take(opts.limit + 1).getMany();
  const more = rows.length > opts.limit;
  const items = rows.slice(0, opts.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(opts.map),
    total,
    nextCursor: more && last ? encode({ at: opts.timeOf(last).toISOString(), id: (last as unknown as { id: string }).id }) : null,
  };
}
