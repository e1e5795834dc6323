import type { SelectQueryBuilder } from 'typeorm';
import type { Page } from '@kefu/contracts';
import { ValidationError } from '../errors/validation.error.js';
import type { ConversationEntity } from './conversation.entity.js';

/**
 * Search over a conversation's whole history: the customer's name, every message, and the order numbers of the
 * conversation, of its tickets and of the customer's orders in the store. Each text is trigram-indexed
 * (migration InboxSearch), so a query of three characters or more is an index scan.
 */
export function whereSearch(qb: SelectQueryBuilder<ConversationEntity>, text: string): void {
  qb.andWhere(
    `(cu.name ILIKE :like OR c.orderRef ILIKE :like
      OR c.id IN (SELECT m.conversation_id FROM messages m WHERE m.body ILIKE :like)
      OR c.id IN (SELECT t.conversation_id FROM tickets t WHERE t.order_ref ILIKE :like)
      OR EXISTS (SELECT 1 FROM orders o WHERE o.store_id = c.store_id AND o.customer_external_id = cu.external_id AND o.order_ref ILIKE :like))`,
    { like: `%${text.replace(/[%_\\]/g, '\\$&')}%` },
  );
}

interface QueueCursor {
  rank: number;
  key: string;
  id: string;
}

// The work queue's order: breached first, then running response clocks, each by due time (longest overdue and
// soonest due first), then conversations without a clock, newest activity first (its key is the negated epoch).
const RANK = `(CASE WHEN c.sla_breached_at IS NOT NULL THEN 0 WHEN c.sla_due_at IS NOT NULL THEN 1 ELSE 2 END)`;
const KEY = `(CASE WHEN c.sla_breached_at IS NOT NULL OR c.sla_due_at IS NOT NULL THEN extract(epoch FROM COALESCE(c.sla_due_at, c.sla_breached_at)) ELSE -extract(epoch FROM c.last_message_at) END)`;

const encode = (c: QueueCursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decode(cursor: string): QueueCursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as QueueCursor;
    if ([0, 1, 2].includes(c.rank) && typeof c.key === 'string' && /^-?\d+(\.\d+)?$/.test(c.key) && typeof c.id === 'string' && /^[0-9a-f-]{36}$/i.test(c.id)) return c;
  } catch {
    /* fall through */
  }
  throw new ValidationError({ cursor: 'is not a cursor this API returned' });
}

/** One page of the work queue (`sort=sla`), keyset-paginated over (rank, due key, id). */
export async function slaQueuePage<R>(qb: SelectQueryBuilder<ConversationEntity>, opts: { limit: number; cursor?: string; map: (row: ConversationEntity) => R }): Promise<Page<R>> {
  const total = await qb.clone().getCount();
  if (opts.cursor) {
    const c = decode(opts.cursor);
    qb.andWhere(`(${RANK}, ${KEY}, c.id) > (:cursorRank, :cursorKey::numeric, :cursorId)`, { cursorRank: c.rank, cursorKey: c.key, cursorId: c.id });
  }
  // Many-to-one join only (the customer): a plain LIMIT keeps one row per conversation.
  const { entities, raw } = await qb
    .addSelect(RANK, 'queue_rank')
    .addSelect(`${KEY}::text`, 'queue_key')
    .orderBy('queue_rank', 'ASC')
    .addOrderBy(KEY, 'ASC')
    .addOrderBy('c.id', 'ASC')
    .limit(opts.limit + 1)
    .getRawAndEntities<{ queue_rank: number; queue_key: string; c_id: string }>();
  const more = entities.length > opts.limit;
  const items = entities.slice(0, opts.limit);
  const last = items[items.length - 1];
  const lastRaw = last ? raw.find((r) => r.c_id === last.id) : undefined;
  return {
    items: items.map(opts.map),
    total,
    nextCursor: more && lastRaw ? encode({ rank: Number(lastRaw.queue_rank), key: lastRaw.queue_key, id: last.id }) : null,
  };
}
