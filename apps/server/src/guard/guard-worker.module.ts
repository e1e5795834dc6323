import { Module } from '@nestjs/common';
import { GuardActivationProcessor } from './guard-activation.processor.js';

/** The reply guard in the worker: rules saved ahead of time are put in force when their instant comes. */
@Module({ providers: [GuardActivationProcessor] })
export class GuardWorkerModule {}
