import { Module } from '@nestjs/common';
import { CauseTrainingService } from './cause-training.service.js';
import { ClassifierController } from './classifier.controller.js';
import { ClassifierProcessor } from './classifier.processor.js';
import { ClassifierService } from './classifier.service.js';

/** Runs in: api. The cause classifier: suggestions for tickets, model status, retraining on request. */
@Module({ controllers: [ClassifierController], providers: [CauseTrainingService, ClassifierService], exports: [ClassifierService] })
export class ClassifierModule {}

/** Runs in: worker. Retrains the cause model on schedule and on request. */
@Module({ providers: [CauseTrainingService, ClassifierProcessor] })
export class ClassifierWorkerModule {}
