import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ResponseRate, ResponseRateItem, ResponseRateQuery } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';

type Row = { key: string | null; eligible: number; met: number; pending: number; p50: number | null; p90: number | null };

/** The group each wait counts in: its store, the agent it counts for (who answered, else who had it), its local day. */
const KEY_SQL: Record<ResponseRateQuery['groupBy'], string> = {
  store: 's.id::text',
  agent: 'COALESCE(t.responded_by, t.breach_assignee_id, c.assignee_id)::text',
  day: `to_char(t.started_at AT TIME ZONE s.timezone, 'YYYY-MM-DD')`,
};

/**
 * The platforms' response metric: over the waits (response clocks the store's rule counts) that started in the
 * period, `met` were answered by an agent within the rule's seconds; `eligible` are decided (answered, given up
 * by resolving, or older than the rule); waits on a day the store exempts are left out, also after the fact.
 */
@Injectable()
export class ResponseRateService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async rate(caller: Caller, q: ResponseRateQuery): Promise<ResponseRate> {
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 7 * 24 * 3600 * 1000);
    const params: unknown[] = [from, to];
    const scope = caller.scope.sql('s.id', params);
    let storeFilter = '';
    if (q.storeId) {
      params.push(q.storeId);
      storeFilter = `AND s.id = $${params.length}`;
    }
    const limit = `t.started_at + t.rule_seconds * interval '1 second'`;
    const rows: Row[] = await this.db.query(
      `SELECT ${KEY_SQL[q.groupBy]} AS key,
              count(*) FILTER (WHERE t.responded_at IS NOT NULL OR t.status = 'cancelled' OR now() >= ${limit})::int AS eligible,
              count(*) FILTER (WHERE t.responded_at <= ${limit})::int AS met,
              count(*) FILTER (WHERE t.responded_at IS NULL AND t.status <> 'cancelled' AND now() < ${limit})::int AS pending,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.responded_at - t.started_at)) AS p50,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.responded_at - t.started_at)) AS p90
       FROM sla_timers t
       JOIN stores s ON s.id = t.store_id
       LEFT JOIN conversations c ON c.id = t.conversation_id
       WHERE t.rule_seconds IS NOT NULL AND t.kind IN ('first_response', 'next_response')
         AND t.started_at >= $1 AND t.started_at < $2 AND ${scope} ${storeFilter}
         AND NOT EXISTS (
           SELECT 1 FROM jsonb_array_elements(s.response_exemptions) e
           WHERE (t.started_at AT TIME ZONE s.timezone)::date BETWEEN (e->>'start')::date AND (e->>'end')::date)
       GROUP BY 1 ORDER BY 1 NULLS LAST`,
      params,
    );
    const byKey = new Map(rows.map((r) => [r.key, r]));
    // Per store, every store of the scope shows, with or without waits: the board lists them all.
    const keys = q.groupBy === 'store' ? await this.storeIds(caller, q.storeId) : rows.map((r) => r.key);
    const items = keys.map((key) => this.item(q.groupBy, key, byKey.get(key)));
    return { from: from.toISOString(), to: to.toISOString(), groupBy: q.groupBy, items };
  }

  private item(groupBy: ResponseRateQuery['groupBy'], key: string | null, r: Row | undefined): ResponseRateItem {
    const eligible = r?.eligible ?? 0;
    const met = r?.met ?? 0;
    const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
    return {
      ...(groupBy === 'store' && { storeId: key! }),
      ...(groupBy === 'agent' && { agentId: key }),
      ...(groupBy === 'day' && { day: key! }),
      eligible,
      met,
      rate: eligible ? met / eligible : null,
      pending: r?.pending ?? 0,
      responseP50: round(r?.p50),
      responseP90: round(r?.p90),
    };
  }

  private async storeIds(caller: Caller, storeId: string | undefined): Promise<string[]> {
    const params: unknown[] = [];
    const scope = caller.scope.sql('s.id', params);
    if (storeId) params.push(storeId);
    const rows: { id: string }[] = await this.db.query(`SELECT s.id FROM stores s WHERE ${scope} ${storeId ? `AND s.id = $${params.length}` : ''} ORDER BY s.name, s.id`, params);
    return rows.map((r) => r.id);
  }
}
