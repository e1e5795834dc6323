import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeskSettings, SetupInput, SetupResult, UpdateDeskSettingsInput } from '@kefu/contracts';
import { ForClients, Roles } from '../auth/auth.decorators.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ApiZodBody, ApiZodCreated, ApiZodOk } from '../errors/api-zod.decorator.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { SetupService } from './setup.service.js';
import { ApiErrors } from '../errors/api-errors.decorator.js';

@ApiTags('setup')
@ApiBearerAuth()
@Controller()
export class SetupController {
  constructor(private readonly setup: SetupService) {}

  /** The agency's name and logo (every signed-in user: they head the client reports), and whether the first run is due. */
  @Get('settings')
  @ForClients()
  @ApiOperation({ summary: "The agency's name and logo, and whether the first-run setup is due" })
  @ApiZodOk(DeskSettings)
  settings() {
    return this.setup.settings();
  }

  @Patch('settings')
  @Roles('admin')
  @ApiOperation({ summary: "Change the agency's name or logo (admin)" })
  @ApiZodOk(DeskSettings)
  @ApiZodBody(UpdateDeskSettingsInput)
  update(@CurrentCaller() caller: Caller, @Body(zod(UpdateDeskSettingsInput)) input: Parsed<typeof UpdateDeskSettingsInput>) {
    return this.setup.updateSettings(caller, input);
  }

  /** First run of a production desk: the agency, its first store, channel and agent (409 once done). */
  @Post('setup')
  @Roles('admin')
  @ApiOperation({ summary: 'First run: the agency, its first store, channel and agent (409 SETUP_DONE once done)' })
  @ApiZodCreated(SetupResult)
  @ApiErrors('SETUP_DONE', 'EMAIL_TAKEN')
  @ApiZodBody(SetupInput)
  run(@CurrentCaller() caller: Caller, @Body(zod(SetupInput)) input: Parsed<typeof SetupInput>) {
    return this.setup.run(caller, input);
  }
}
