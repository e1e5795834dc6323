import { Module } from '@nestjs/common';
import { SlaBoardModule } from '../sla-board/sla-board.module.js';
import { AnalyticsController } from './analytics.controller.js';
import { CauseBreakdownService } from './cause-breakdown.service.js';
import { CauseCountsService } from './cause-counts.service.js';
import { CauseExportService } from './cause-export.service.js';
import { TicketDrilldownService } from './ticket-drilldown.service.js';
import { TicketExportService } from './ticket-export.service.js';

/** Runs in: api. Cause analytics: counts, breakdowns, drill-down and exports. */
@Module({
  imports: [SlaBoardModule],
  controllers: [AnalyticsController],
  providers: [CauseCountsService, CauseBreakdownService, CauseExportService, TicketDrilldownService, TicketExportService],
})
export class AnalyticsModule {}
