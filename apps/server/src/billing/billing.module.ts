import { Module } from '@nestjs/common';
import { BillingController } from './billing.controller.js';
import { StatementFreezeProcessor } from './statement-freeze.processor.js';
import { StatementService } from './statement.service.js';

/** Runs in: api. The agency's contracts with its stores and their monthly statements (the worker freezes due ones). */
@Module({ controllers: [BillingController], providers: [StatementService], exports: [StatementService] })
export class BillingModule {}

/** Runs in: worker. Freezes the statements of months whose refund window has passed. */
@Module({ providers: [StatementService, StatementFreezeProcessor] })
export class BillingWorkerModule {}
