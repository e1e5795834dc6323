import { Controller, Get, Header, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ClientReport, ClientReportSummary, ListReportsQuery, page, StoreReportQuery } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { UuidPipe } from '../errors/uuid.pipe.js';
import { ApiCsv, ApiZodCreated, ApiZodOk, ZodQuery } from '../errors/api-zod.decorator.js';
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
  @ApiOperation({ summary: 'The periodic client report of a store: the last complete week or month unless date says which' })
  @ApiZodOk(ClientReport)
  forStore(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @ZodQuery(StoreReportQuery) q: Parsed<typeof StoreReportQuery>) {
    return this.reports.forStore(caller, id, q);
  }

  @Post('stores/:id/generate')
  @HttpCode(201)
  @ApiOperation({ summary: 'Make a store\'s report of a period again' })
  @ApiZodCreated(ClientReport)
  regenerate(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @ZodQuery(StoreReportQuery) q: Parsed<typeof StoreReportQuery>) {
    return this.reports.regenerate(caller, id, q);
  }

  @Get()
  @ApiOperation({ summary: 'Client reports, newest period first' })
  @ApiZodOk(page(ClientReportSummary))
  list(@CurrentCaller() caller: Caller, @ZodQuery(ListReportsQuery) q: Parsed<typeof ListReportsQuery>) {
    return this.reports.list(caller, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A client report' })
  @ApiZodOk(ClientReport)
  get(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return this.reports.get(caller, id);
  }

  @Get(':id/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'A client report as CSV' })
  @ApiCsv('The report\'s figures, one line each')
  async csv(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: Response) {
    const { filename, body } = await this.reports.csv(caller, id);
    res.setHeader('content-disposition', `attachment; filename="${filename}"`);
    return body;
  }
}
