import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ClientViewInterceptor } from './client-view.interceptor.js';
import { PiiSeal } from './pii-seal.js';
import { PrivacyController } from './privacy.controller.js';
import { RevealService } from './reveal.service.js';

/** Runs in: api. Buyers' personal data sealed (PiiSeal, used by the orders), revealed for a purpose, and masked for the brand's users. */
@Module({ controllers: [PrivacyController], providers: [PiiSeal, RevealService, { provide: APP_INTERCEPTOR, useClass: ClientViewInterceptor }], exports: [PiiSeal] })
export class PrivacyModule {}
