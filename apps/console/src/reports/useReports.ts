import type { ClientReportSummary, ReportPeriod } from '@kefu/contracts';
import { deskApi } from '../api/desk-api';
import { useLiveListQuery } from '../data/live-list';

export interface ReportFilters {
  storeId: string;
  period: ReportPeriod | '';
}

/** The API's order: latest made first. */
const byGenerated = (a: ClientReportSummary, b: ClientReportSummary) => Date.parse(b.generatedAt) - Date.parse(a.generatedAt) || (a.id < b.id ? 1 : -1);

/** The stored client reports, newest first, for a store and period filter; more pages on demand. */
export function useReportList(filters: ReportFilters) {
  return useLiveListQuery(['reports', filters], (opts) => deskApi.reports({ storeId: filters.storeId || undefined, period: filters.period || undefined, ...opts }), byGenerated);
}
