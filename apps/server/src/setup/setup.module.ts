import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module.js';
import { UserModule } from '../user/user.module.js';
import { SetupController } from './setup.controller.js';
import { SetupService } from './setup.service.js';

/** Runs in: api. The desk's own settings (agency name, logo) and the first run of an empty production desk. */
@Module({ imports: [StoreModule, UserModule], controllers: [SetupController], providers: [SetupService] })
export class SetupModule {}
