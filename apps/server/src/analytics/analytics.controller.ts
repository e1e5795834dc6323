import { Controller, Get, Header, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnalyticsTicketsQuery, CauseBreakdown, CauseBreakdownQuery, page, Ticket, TicketExportQuery } from '@kefu/contracts';
import { ForClients, Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiErrors } from '../errors/api-errors.decorator.js';
import { ZodQuery } from '../errors/api-zod.decorator.js';
import type { Parsed } from '../errors/zod.pipe.js';
import { ApiCsv, ApiZodOk } from '../http/api-csv.decorator.js';
import { CauseBreakdownService } from './cause-breakdown.service.js';
import { CauseExportService } from './cause-export.service.js';
import { csvFileName } from '../common/csv.util.js';
import { TicketDrilldownService } from './ticket-drilldown.service.js';
import { TicketExportService } from './ticket-export.service.js';

const CSV = 'text/csv; charset=utf-8';
const attachment = (name: string) => `attachment; filename="${csvFileName(name, new Date())}"`;

@ApiTags('analytics')
@ApiBearerAuth()
@Roles('analyst', 'supervisor', 'admin')
@Controller('analytics')
export class AnalyticsController {
  constructor(
    private readonly breakdown: CauseBreakdownService,
    private readonly drilldown: TicketDrilldownService,
    private readonly causeExport: CauseExportService,
    private readonly ticketExport: TicketExportService,
  ) {}

  /** Tickets created in [from, to) by root cause, grouped; with the period before, trend, Pareto, corrections and SLA. */
  @Get('causes')
  @ForClients()
  @ApiZodOk(CauseBreakdown)
  @ApiOperation({ summary: 'Root-cause breakdown of the tickets created in a period, grouped, with trend, Pareto, corrections and SLA' })
  @ApiErrors('NOT_FOUND')
  causes(@CurrentCaller() caller: Caller, @ZodQuery(CauseBreakdownQuery) q: Parsed<typeof CauseBreakdownQuery>) {
    return this.breakdown.breakdown(caller, q);
  }

  /** The breakdown's items as CSV (UTF-8 with BOM); audited. */
  @Get('causes.csv')
  @ForClients()
  @Header('cache-control', 'no-store')
  @ApiCsv('One line per group and cause: the group key columns, cause, count, share')
  @ApiOperation({ summary: 'The breakdown\'s items as CSV (UTF-8 with BOM); audited' })
  @ApiErrors('NOT_FOUND')
  async causesCsv(@CurrentCaller() caller: Caller, @ZodQuery(CauseBreakdownQuery) q: Parsed<typeof CauseBreakdownQuery>) {
    return new StreamableFile(Buffer.from(await this.causeExport.export(caller, q)), { type: CSV, disposition: attachment('causes') });
  }

  /** The tickets behind a figure (same period and filters, plus the bar's day/week/month, SKU, category, cause), newest first. */
  @Get('tickets')
  @ForClients()
  @ApiZodOk(page(Ticket))
  @ApiOperation({ summary: 'The tickets behind a figure of the breakdown, newest first' })
  @ApiErrors('NOT_FOUND')
  tickets(@CurrentCaller() caller: Caller, @ZodQuery(AnalyticsTicketsQuery) q: Parsed<typeof AnalyticsTicketsQuery>) {
    return this.drilldown.list(caller, q);
  }

  /** Those tickets as CSV, oldest first, personal data masked; audited. */
  @Get('tickets.csv')
  @ForClients()
  @Header('cache-control', 'no-store')
  @ApiCsv('number, store, created (store-local), type, status, cause, causeSource, orderRef, skus, customer name/phone/address (masked), customerReason (masked)')
  @ApiOperation({ summary: 'Those tickets as CSV, oldest first, personal data masked; audited' })
  @ApiErrors('NOT_FOUND')
  async ticketsCsv(@CurrentCaller() caller: Caller, @ZodQuery(TicketExportQuery) q: Parsed<typeof TicketExportQuery>) {
    return new StreamableFile(await this.ticketExport.export(caller, q), { type: CSV, disposition: attachment('tickets') });
  }
}
