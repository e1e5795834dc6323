import { Module } from '@nestjs/common';
import { ConversionService } from '../conversion/conversion.service.js';
import { CsatFiguresService } from '../csat/csat-figures.service.js';
import { SlaQueryService } from '../sla/sla-query.service.js';
import { ReportFactsService } from './report-facts.service.js';
import { ReportService } from './report.service.js';

/** The figures services and the client reports built on them: used by the api (on request) and the worker (on schedule). */
@Module({
  providers: [SlaQueryService, CsatFiguresService, ConversionService, ReportFactsService, ReportService],
  exports: [SlaQueryService, CsatFiguresService, ConversionService, ReportFactsService, ReportService],
})
export class ClientReportsModule {}
