import { Injectable } from '@nestjs/common';
import type { CauseBreakdown, CauseBreakdownItem, CauseBreakdownQuery, CauseGroupBy } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { CauseBreakdownService } from './cause-breakdown.service.js';
import { CSV_BOM, csvRow } from '../common/csv.util.js';

/** The key columns of each grouping, as in the JSON items. */
const KEY_COLUMNS: Record<CauseGroupBy, (keyof CauseBreakdownItem)[]> = {
  day: ['day'],
  week: ['week'],
  month: ['month'],
  store: ['storeId', 'storeName'],
  sku: ['storeId', 'storeName', 'sku', 'name'],
  category: ['category'],
};

/** `GET /api/analytics/causes.csv`: the breakdown's items, one line each, audited. */
@Injectable()
export class CauseExportService {
  constructor(
    private readonly breakdown: CauseBreakdownService,
    private readonly audit: AuditService,
  ) {}

  async export(caller: Caller, q: CauseBreakdownQuery): Promise<string> {
    const b = await this.breakdown.breakdown(caller, q);
    await this.audit.record({ actorId: caller.user.id, action: 'analytics.exported', targetType: 'analytics', targetId: 'causes.csv', details: { export: 'causes.csv', query: q, rows: b.items.length } });
    return causesCsv(b);
  }
}

export function causesCsv(b: CauseBreakdown): string {
  const keys = b.groupBy ? KEY_COLUMNS[b.groupBy] : [];
  const lines = [csvRow([...keys, 'cause', 'count', 'share'])];
  for (const item of b.items) lines.push(csvRow([...keys.map((k) => item[k] as string | undefined), item.cause, item.count, round(item.share)]));
  return CSV_BOM + lines.join('');
}

const round = (share: number) => Math.round(share * 10000) / 10000;
