import type { ReportComment } from '@kefu/contracts';

/** The thread with one comment more (from the answer to a write or from the socket, whichever comes first): oldest first, each once. */
export function withComment(thread: readonly ReportComment[], comment: ReportComment): ReportComment[] {
  if (thread.some((c) => c.id === comment.id)) return thread as ReportComment[];
  return [...thread, comment].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : 1));
}

/** Whether a comment is the brand's side of the thread (else the agency's). */
export const fromBrand = (c: Pick<ReportComment, 'authorRole'>): boolean => c.authorRole === 'client';
