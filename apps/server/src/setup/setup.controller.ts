import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SetupInput, UpdateDeskSettingsInput } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ApiZodBody } from '../errors/api-zod.decorator.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { SetupService } from './setup.service.js';

@ApiTags('setup')
@ApiBearerAuth()
@Controller()
export class SetupController {
  constructor(private readonly setup: SetupService) {}

  /** The agency's name and logo (every signed-in user: they head the client reports), and whether the first run is due. */
  @Get('settings')
  settings() {
    return this.setup.settings();
  }

  @Patch('settings')
  @Roles('admin')
  @ApiZodBody(UpdateDeskSettingsInput)
  update(@CurrentCaller() caller: Caller, @Body(zod(UpdateDeskSettingsInput)) input: Parsed<typeof UpdateDeskSettingsInput>) {
    return this.setup.updateSettings(caller, input);
  }

  /** First run of a production desk: the agency, its first store, channel and agent (409 once done). */
  @Post('setup')
  @Roles('admin')
  @ApiZodBody(SetupInput)
  run(@CurrentCaller() caller: Caller, @Body(zod(SetupInput)) input: Parsed<typeof SetupInput>) {
    return this.setup.run(caller, input);
  }
}
