import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export type GroupRow = Record<string, string | null>;

/**
 * Grouping of service figures by store, agent or store-local day: the SQL to select and group by,
 * and the key of each result row. `columns` names the query's store, agent and time columns.
 */
export function groupColumns(groupBy: 'store' | 'agent' | 'day', columns: { store: string; agent: string; at: string }) {
  switch (groupBy) {
    case 'store':
      return {
        join: <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>) => qb,
        select: `${columns.store} AS "storeId", st.name AS "storeName"`,
        groupBy: `${columns.store}, st.name`,
        orderBy: 'st.name',
        key: (r: GroupRow) => ({ storeId: r.storeId!, storeName: r.storeName! }),
      };
    case 'agent':
      return {
        join: <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>) => qb.leftJoin('users', 'u', `u.id = ${columns.agent}`),
        select: `${columns.agent} AS "agentId", u.name AS "agentName"`,
        groupBy: `${columns.agent}, u.name`,
        orderBy: 'u.name',
        key: (r: GroupRow) => ({ agentId: r.agentId, agentName: r.agentName }),
      };
    case 'day':
      return {
        join: <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>) => qb,
        select: `to_char(${columns.at} AT TIME ZONE st.timezone, 'YYYY-MM-DD') AS day`,
        groupBy: '1',
        orderBy: 'day',
        key: (r: GroupRow) => ({ day: r.day! }),
      };
  }
}
