import { Module } from '@nestjs/common';
import { SlaQueryService } from './sla-query.service.js';
import { SlaController } from './sla.controller.js';

/** Runs in: both (the board and summary in the api; the figures also feed scheduled client reports in the worker). Reads timers with their conversations and tickets. */
@Module({ controllers: [SlaController], providers: [SlaQueryService], exports: [SlaQueryService] })
export class SlaBoardModule {}
