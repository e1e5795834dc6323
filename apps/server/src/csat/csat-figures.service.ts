import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CsatFigures, CsatReport, ServiceQualityQuery } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import { resolvePeriod } from '../common/period.util.js';
import { groupColumns, type GroupRow } from '../common/service-quality-groups.js';
import { CsatSurveyEntity } from './csat-survey.entity.js';

type Row = GroupRow & { sent: string; responses: string; average: string | null; satisfied: string; r1: string; r2: string; r3: string; r4: string; r5: string };

const FIGURES = `count(*) AS sent, count(s.rating) AS responses, avg(s.rating) AS average,
  count(*) FILTER (WHERE s.rating >= 4) AS satisfied,
  count(*) FILTER (WHERE s.rating = 1) AS r1, count(*) FILTER (WHERE s.rating = 2) AS r2, count(*) FILTER (WHERE s.rating = 3) AS r3,
  count(*) FILTER (WHERE s.rating = 4) AS r4, count(*) FILTER (WHERE s.rating = 5) AS r5`;

const figures = (r: Row | undefined): CsatFigures => {
  const sent = Number(r?.sent ?? 0);
  const responses = Number(r?.responses ?? 0);
  return {
    sent,
    responses,
    responseRate: sent ? responses / sent : null,
    average: r?.average == null ? null : Math.round(Number(r.average) * 100) / 100,
    satisfiedShare: responses ? Number(r!.satisfied) / responses : null,
    distribution: Object.fromEntries([1, 2, 3, 4, 5].map((n) => [String(n), Number(r?.[`r${n}` as 'r1'] ?? 0)])),
  };
};

/** Satisfaction of surveys sent in a period, by store, agent or day, with the causes behind low ratings. */
@Injectable()
export class CsatFiguresService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async report(caller: Caller, q: ServiceQualityQuery): Promise<CsatReport> {
    const { from, to } = resolvePeriod(q, new Date());
    const base = () => {
      const qb = caller.scope
        .apply(this.db.getRepository(CsatSurveyEntity).createQueryBuilder('s').innerJoin('stores', 'st', 'st.id = s.store_id'), 's.storeId')
        .andWhere('s.sentAt >= :from AND s.sentAt < :to', { from, to });
      if (q.storeId) qb.andWhere('s.storeId = :storeId', { storeId: q.storeId });
      return qb;
    };
    const overall = (await base().select(FIGURES).getRawOne()) as Row | undefined;
    const group = groupColumns(q.groupBy, { store: 's.store_id', agent: 's.agent_id', at: 's.sent_at' });
    const rows = (await group.join(base()).select(`${group.select}, ${FIGURES}`).groupBy(group.groupBy).orderBy(group.orderBy).getRawMany()) as Row[];
    const low: { cause: string | null; count: string }[] = await base()
      .andWhere('s.rating <= 2')
      .innerJoin('tickets', 'k', 'k.conversation_id = s.conversation_id')
      .select('k.cause AS cause, count(DISTINCT k.id) AS count')
      .groupBy('k.cause')
      .orderBy('count', 'DESC')
      .getRawMany();
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      groupBy: q.groupBy,
      overall: figures(overall),
      items: rows.map((r) => ({ ...group.key(r), ...figures(r) })),
      lowRatingCauses: low.map((r) => ({ cause: r.cause as CsatReport['lowRatingCauses'][number]['cause'], count: Number(r.count) })),
    };
  }
}
