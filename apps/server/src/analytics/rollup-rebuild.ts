import type { DataSource } from 'typeorm';

/**
 * Recomputes the cause rollups (`ticket_cause_daily`, `ticket_item_cause_daily`) from tickets, for
 * all stores or one: the single statement `SELECT analytics_rebuild_rollups()` (see the Analytics
 * migration). Ticket writes wait while it runs, so the result is exact.
 */
export async function rebuildRollups(db: DataSource, storeId?: string): Promise<void> {
  await db.query('SELECT analytics_rebuild_rollups($1::uuid)', [storeId ?? null]);
}
