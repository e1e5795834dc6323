import { Body, Controller, Get, Header, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ClientReport, ClientReportSummary, ListReportsQuery, page, ReportComment, ReportCommentInput, StoreReportQuery } from '@kefu/contracts';
import { z } from 'zod';
import { ForClients, Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { UuidPipe } from '../errors/uuid.pipe.js';
import { ApiCsv, ApiZodBody, ApiZodCreated, ApiZodOk, ZodQuery } from '../errors/api-zod.decorator.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { ReportCommentService } from './report-comment.service.js';
import { ReportService } from './report.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
@Roles('analyst', 'supervisor', 'admin')
export class ReportController {
  constructor(
    private readonly reports: ReportService,
    private readonly thread: ReportCommentService,
  ) {}

  /** The periodic client report of a store (SPEC): the last complete week or month unless `date` says which. */
  @Get('stores/:id')
  @ForClients()
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
  @ForClients()
  @ApiOperation({ summary: 'Client reports, newest period first' })
  @ApiZodOk(page(ClientReportSummary))
  list(@CurrentCaller() caller: Caller, @ZodQuery(ListReportsQuery) q: Parsed<typeof ListReportsQuery>) {
    return this.reports.list(caller, q);
  }

  @Get(':id')
  @ForClients()
  @ApiOperation({ summary: 'A client report' })
  @ApiZodOk(ClientReport)
  get(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return this.reports.get(caller, id);
  }

  /** The report's thread between the brand and the agency, oldest first. */
  @Get(':id/comments')
  @ForClients()
  @ApiOperation({ summary: "The report's thread between the brand and the agency, oldest first" })
  @ApiZodOk(z.object({ items: z.array(ReportComment) }))
  comments(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return this.thread.list(caller, id);
  }

  /** Writes in the report's thread; both sides hear it live (`report.commented`). */
  @Post(':id/comments')
  @ForClients()
  @ApiOperation({ summary: "Write in the report's thread (heard live as report.commented)" })
  @ApiZodBody(ReportCommentInput)
  @ApiZodCreated(ReportComment)
  comment(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(ReportCommentInput)) input: Parsed<typeof ReportCommentInput>) {
    return this.thread.add(caller, id, input.body);
  }

  @Get(':id/csv')
  @ForClients()
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'A client report as CSV' })
  @ApiCsv('The report\'s figures, one line each')
  async csv(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: Response) {
    const { filename, body } = await this.reports.csv(caller, id);
    res.setHeader('content-disposition', `attachment; filename="${filename}"`);
    return body;
  }
}
