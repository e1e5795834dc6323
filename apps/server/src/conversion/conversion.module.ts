import { Module } from '@nestjs/common';
import { CsatModule } from '../csat/csat.module.js';
import { ConversionService } from './conversion.service.js';
import { ServiceQualityController } from './service-quality.controller.js';

/** Runs in: both (service-quality figures in the api; client reports in the worker). */
@Module({ imports: [CsatModule], controllers: [ServiceQualityController], providers: [ConversionService], exports: [ConversionService] })
export class ConversionModule {}
