import { z } from 'zod';
import { ReportComment, type ReportCommentInput, ResponseRate, type ResponseRateQuery } from '@kefu/contracts';
import { request } from '../api/client';

const CommentList = z.object({ items: z.array(ReportComment) });
const reportPath = (id: string) => `/api/reports/${encodeURIComponent(id)}`;

/** The calls only the brand's portal makes (the rest are the desk's own, in deskApi), each answer parsed with its contract. */
export const portalApi = {
  /** The platforms' response rate of waits started in [from, to). */
  responseRate: (query: Partial<ResponseRateQuery>, signal?: AbortSignal) => request('/api/sla/response-rate', ResponseRate, { query: { ...query }, signal }),
  /** A report's thread between the brand and the agency, oldest first. */
  reportComments: (reportId: string, signal?: AbortSignal) => request(`${reportPath(reportId)}/comments`, CommentList, { signal }),
  postReportComment: (reportId: string, input: ReportCommentInput) => request(`${reportPath(reportId)}/comments`, ReportComment, { method: 'POST', body: input }),
};
