import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { DeskEvent, type ReportComment } from '@kefu/contracts';
import { apiErrorOf } from '../data/errors';
import { LIVE_STALE_MS, liveFamily, liveQueryFn, type LiveReducer } from '../data/live-cache';
import { useDeskLive } from '../live/DeskLiveProvider';
import { withComment } from './comment-thread';
import { portalApi } from './portal-api';

// The portal's own data (the rest comes through the desk's hooks): a report's thread, kept live.

type Thread = { items: ReportComment[] };

/** A report's thread follows `report.commented` of that report (the brand's socket hears those and nothing of the stores' traffic). */
const threadReducer: LiveReducer<Thread> = (d, event, key) => {
  if (event.name !== DeskEvent.ReportCommented || event.payload.reportId !== key[1]) return d;
  const items = withComment(d.items, event.payload);
  return items === d.items ? d : { items };
};
export const REPORT_COMMENTS = liveFamily('reportComments', threadReducer);

/** A report's thread, oldest first, and writing in it (the answer is published, so the socket's copy is not shown twice). */
export function useReportThread(reportId: string) {
  const { bus } = useDeskLive();
  const query = useQuery({ queryKey: [REPORT_COMMENTS, reportId], queryFn: liveQueryFn(() => portalApi.reportComments(reportId)), staleTime: LIVE_STALE_MS });
  const post = useCallback(
    async (body: string) => {
      const comment = await portalApi.postReportComment(reportId, { body });
      bus.publish(DeskEvent.ReportCommented, comment);
      return comment;
    },
    [reportId, bus],
  );
  return { comments: query.data?.items ?? [], loading: query.isPending, error: apiErrorOf(query.error), reload: () => void query.refetch(), post };
}
