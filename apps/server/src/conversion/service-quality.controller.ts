import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConversionReport, CsatReport, ServiceQualityQuery } from '@kefu/contracts';
import { ForClients, Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { CsatFiguresService } from '../csat/csat-figures.service.js';
import { ApiZodOk, ZodQuery } from '../errors/api-zod.decorator.js';
import type { Parsed } from '../errors/zod.pipe.js';
import { ConversionService } from './conversion.service.js';

/** How well the desk served: satisfaction and inquiry conversion, by store, agent or day. */
@ApiTags('analytics')
@ApiBearerAuth()
@Controller('analytics')
@Roles('analyst', 'supervisor', 'admin')
export class ServiceQualityController {
  constructor(
    private readonly csat: CsatFiguresService,
    private readonly conversion: ConversionService,
  ) {}

  @Get('csat')
  @ForClients()
  @ApiOperation({ summary: 'Customer satisfaction by store, agent or day' })
  @ApiZodOk(CsatReport)
  csatReport(@CurrentCaller() caller: Caller, @ZodQuery(ServiceQualityQuery) q: Parsed<typeof ServiceQualityQuery>) {
    return this.csat.report(caller, q);
  }

  @Get('conversion')
  @ForClients()
  @ApiOperation({ summary: 'Inquiry conversion (chats followed by an order) by store, agent or day' })
  @ApiZodOk(ConversionReport)
  conversionReport(@CurrentCaller() caller: Caller, @ZodQuery(ServiceQualityQuery) q: Parsed<typeof ServiceQualityQuery>) {
    return this.conversion.report(caller, q);
  }
}
