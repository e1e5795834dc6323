import { Controller, Get, Header, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ListReportsQuery, StoreReportQuery } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { UuidPipe } from '../errors/uuid.pipe.js';
import { ZodQuery } from '../errors/api-zod.decorator.js';
import type { Parsed } from '../errors/zod.pipe.js';
import { ReportService } from './report.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
@Roles('analyst', 'supervisor', 'admin')
export class ReportController {
  constructor(private readonly reports: ReportService) {}

  /** The periodic client report of a store (SPEC): the last complete week or month unless `date` says which. */
  @Get('stores/:id')
  forStore(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @ZodQuery(StoreReportQuery) q: Parsed<typeof StoreReportQuery>) {
    return this.reports.forStore(caller, id, q);
  }

  @Post('stores/:id/generate')
  @HttpCode(201)
  regenerate(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @ZodQuery(StoreReportQuery) q: Parsed<typeof StoreReportQuery>) {
    return this.reports.regenerate(caller, id, q);
  }

  @Get()
  list(@CurrentCaller() caller: Caller, @ZodQuery(ListReportsQuery) q: Parsed<typeof ListReportsQuery>) {
    return this.reports.list(caller, q);
  }

  @Get(':id')
  get(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return this.reports.get(caller, id);
  }

  @Get(':id/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  async csv(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: Response) {
    const { filename, body } = await this.reports.csv(caller, id);
    res.setHeader('content-disposition', `attachment; filename="${filename}"`);
    return body;
  }
}
