import { Module } from '@nestjs/common';
import { PiiSeal } from './pii-seal.js';
import { PrivacyController } from './privacy.controller.js';
import { RevealService } from './reveal.service.js';

/** Runs in: api. Buyers' personal data sealed (PiiSeal, used by the orders) and revealed for a purpose. */
@Module({ controllers: [PrivacyController], providers: [PiiSeal, RevealService], exports: [PiiSeal] })
export class PrivacyModule {}
