import { Module } from '@nestjs/common';
import { BillingController } from './billing.controller.js';
import { StatementService } from './statement.service.js';

/** Runs in: api. The agency's contracts with its stores and their monthly statements (the worker freezes due ones). */
@Module({ controllers: [BillingController], providers: [StatementService], exports: [StatementService] })
export class BillingModule {}
