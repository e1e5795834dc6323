import { Module } from '@nestjs/common';
import { StoreController } from './store.controller.js';
import { StoreService } from './store.service.js';

/** Runs in: api. Stores, their settings (hours, SLA policy, escalation) and channels. */
@Module({ controllers: [StoreController], providers: [StoreService], exports: [StoreService] })
export class StoreModule {}
