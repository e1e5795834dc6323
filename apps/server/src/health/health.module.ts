import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';

/** Runs in: api. GET /health for the supervisor and load balancers. */
@Module({ imports: [TerminusModule], controllers: [HealthController] })
export class HealthModule {}
