import type { CauseBreakdown, Store, User } from '@kefu/contracts';
import type { TimeGroup } from './period';
import { PlatformResponseCard } from './PlatformResponseCard';
import { ReplyGuardCard } from './ReplyGuardCard';
import { ConversionCard, CsatCard, SlaCard } from './ServiceCards';
import type { QualityFigures } from './useQualityFigures';

interface Props {
  figures: QualityFigures;
  /** The SLA figures come with the causes' timeline. */
  sla: CauseBreakdown['sla'] | null;
  slaLoading: boolean;
  onSlaRetry(): void;
  timeGroup: TimeGroup;
  firstDay: string;
  lastDay: string;
  storeId: string;
  storeById: Map<string, Store>;
  userById: Map<string, User>;
}

/** How well the desk served: SLA and the platform's response rate, CSAT and conversion, the reply guard. */
export function QualityCards({ figures: f, sla, slaLoading, onSlaRetry, timeGroup, firstDay, lastDay, storeId, storeById, userById }: Props) {
  return (
    <>
      <div className="an-grid">
        <SlaCard sla={sla} showStores={!storeId} loading={slaLoading} error={null} onRetry={onSlaRetry} />
        <PlatformResponseCard
          report={f.platform.data}
          group={f.platformGroup}
          onGroupChange={f.setPlatformGroup}
          timeGroup={timeGroup}
          firstDay={firstDay}
          lastDay={lastDay}
          storeId={storeId}
          storeById={storeById}
          userById={userById}
          loading={f.platform.loading}
          error={f.platform.error}
          onRetry={f.platform.reload}
        />
      </div>
      <div className="an-grid">
        <CsatCard report={f.csat.data} loading={f.csat.loading} error={f.csat.error} onRetry={f.csat.reload} />
        <ConversionCard
          report={f.conversion.data}
          group={f.conversionGroup}
          onGroupChange={f.setConversionGroup}
          loading={f.conversion.loading}
          error={f.conversion.error}
          onRetry={f.conversion.reload}
          storeChosen={storeId !== ''}
        />
      </div>
      <ReplyGuardCard
        totalsRows={f.guardTotals.data?.items ?? null}
        rows={f.guardRows.data?.groupBy === f.guardGroup ? f.guardRows.data.items : null}
        group={f.guardGroup}
        onGroupChange={f.setGuardGroup}
        timeGroup={timeGroup}
        firstDay={firstDay}
        lastDay={lastDay}
        storeId={storeId}
        storeById={storeById}
        userById={userById}
        loading={f.guardTotals.loading || f.guardRows.loading}
        error={f.guardTotals.error ?? f.guardRows.error}
        onRetry={() => {
          f.guardTotals.reload();
          f.guardRows.reload();
        }}
      />
    </>
  );
}
