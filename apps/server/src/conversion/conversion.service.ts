import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CONVERSION_WINDOW_HOURS, type ConversionFigures, type ConversionReport, type ServiceQualityQuery } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import { resolvePeriod } from '../common/period.util.js';
import { groupColumns, type GroupRow } from '../common/service-quality-groups.js';
import { ConversationEntity } from '../conversation/conversation.entity.js';

type Row = GroupRow & { presale: string; converted: string; p50: string | null; p90: string | null };

const FIGURES = `count(*) AS presale, count(*) FILTER (WHERE p.converted) AS converted,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY p.response_seconds) AS p50,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY p.response_seconds) AS p90`;

const figures = (r: Row | undefined): ConversionFigures => {
  const presale = Number(r?.presale ?? 0);
  const converted = Number(r?.converted ?? 0);
  return {
    presale,
    converted,
    rate: presale ? converted / presale : null,
    firstResponseP50: r?.p50 == null ? null : Math.round(Number(r.p50)),
    firstResponseP90: r?.p90 == null ? null : Math.round(Number(r.p90)),
  };
};

/**
 * Inquiry conversion (询单转化率): of the pre-sale conversations started in a period (no order
 * mentioned, no after-sales ticket), the share whose customer ordered in that store within 48 hours,
 * beside those conversations' first-response times. Orders come from the platform's order webhook.
 * A conversation counts for the agent who first answered it (else its assignee).
 */
@Injectable()
export class ConversionService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async report(caller: Caller, q: ServiceQualityQuery): Promise<ConversionReport> {
    const { from, to } = resolvePeriod(q, new Date());
    const presale = caller.scope
      .apply(this.db.getRepository(ConversationEntity).createQueryBuilder('c'), 'c.storeId')
      .innerJoin('customers', 'cu', 'cu.id = c.customer_id')
      .leftJoin('sla_timers', 't', `t.conversation_id = c.id AND t.kind = 'first_response'`)
      .select(['c.id AS id', 'c.store_id AS store_id', 'c.created_at AS created_at', 't.response_seconds AS response_seconds', 'COALESCE(t.responded_by, c.assignee_id) AS agent_id'])
      .addSelect(
        `EXISTS (SELECT 1 FROM orders o WHERE o.store_id = c.store_id AND o.customer_external_id = cu.external_id
                  AND o.paid_at >= c.created_at AND o.paid_at < c.created_at + make_interval(hours => ${CONVERSION_WINDOW_HOURS}))`,
        'converted',
      )
      .where('c.createdAt >= :from AND c.createdAt < :to', { from, to })
      .andWhere('c.orderRef IS NULL')
      .andWhere('NOT EXISTS (SELECT 1 FROM tickets k WHERE k.conversation_id = c.id)');
    if (q.storeId) presale.andWhere('c.storeId = :storeId', { storeId: q.storeId });
    const wrap = () =>
      this.db
        .createQueryBuilder()
        .from(`(${presale.getQuery()})`, 'p')
        .innerJoin('stores', 'st', 'st.id = p.store_id')
        .setParameters(presale.getParameters());
    const overall = (await wrap().select(FIGURES).getRawOne()) as Row | undefined;
    const group = groupColumns(q.groupBy, { store: 'p.store_id', agent: 'p.agent_id', at: 'p.created_at' });
    const rows = (await group.join(wrap()).select(`${group.select}, ${FIGURES}`).groupBy(group.groupBy).orderBy(group.orderBy).getRawMany()) as Row[];
    return { from: from.toISOString(), to: to.toISOString(), groupBy: q.groupBy, overall: figures(overall), items: rows.map((r) => ({ ...group.key(r), ...figures(r) })) };
  }
}
