import { Module } from '@nestjs/common';
import { ConversionModule } from '../conversion/conversion.module.js';
import { CsatModule } from '../csat/csat.module.js';
import { GuardModule } from '../guard/guard.module.js';
import { SlaBoardModule } from '../sla-board/sla-board.module.js';
import { ReportCommentService } from './report-comment.service.js';
import { ReportFactsService } from './report-facts.service.js';
import { ReportController } from './report.controller.js';
import { ReportProcessor } from './report.processor.js';
import { ReportService } from './report.service.js';

/** Runs in: both. Client reports built on the figures of SLA, satisfaction, conversion and the reply guard: on request in the api, on schedule in the worker. */
@Module({
  imports: [SlaBoardModule, CsatModule, ConversionModule, GuardModule],
  controllers: [ReportController],
  providers: [ReportFactsService, ReportService, ReportCommentService],
  exports: [ReportService],
})
export class ReportModule {}

/** Runs in: worker. Makes the scheduled client reports. */
@Module({ imports: [ReportModule], providers: [ReportProcessor] })
export class ReportWorkerModule {}
