import { Module } from '@nestjs/common';
import { ResponseRateService } from './response-rate.service.js';
import { SlaQueryService } from './sla-query.service.js';
import { SlaController } from './sla.controller.js';

/** Runs in: both (the board, summary and platform response rates in the api; the figures also feed scheduled client reports in the worker). Reads timers with their conversations and tickets. */
@Module({ controllers: [SlaController], providers: [SlaQueryService, ResponseRateService], exports: [SlaQueryService, ResponseRateService] })
export class SlaBoardModule {}
