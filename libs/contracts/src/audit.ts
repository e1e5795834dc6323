import { z } from 'zod';
import { instant, text } from './input.js';

/** `GET /api/audit` filters: who, what, on what, when. */
export const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: text().max(200).optional(),
  targetType: text().max(50).optional(),
  targetId: text().max(100).optional(),
  actorId: z.uuid().optional(),
  /** An exact action (`store.updated`) or a family of them (`store`: every `store.*`). */
  action: text().max(100).regex(/^[a-z_]+(\.[a-z_]+)*$/, 'must be an action such as store.updated, or its first part (store)').optional(),
  from: instant().optional(),
  to: instant().optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** One entry of the audit trail, with the names of its actor and target as they are now (null when gone). */
export const AuditEvent = z.object({
  id: text(),
  actorId: text().nullable(),
  actorName: text().nullable(),
  action: text(),
  targetType: text(),
  targetId: text(),
  targetName: text().nullable(),
  at: text(),
  details: z.record(text(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
