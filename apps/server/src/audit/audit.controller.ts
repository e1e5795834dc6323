import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEvent, AuditQuery, page } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ApiZodOk, ZodQuery } from '../errors/api-zod.decorator.js';
import type { Parsed } from '../errors/zod.pipe.js';
import { AuditService } from './audit.service.js';
import { forbidden } from '../errors/desk-error.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The whole desk's trail (its entries name no single store): admins of every store only. */
  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'The audit trail, newest first (admins of every store)' })
  @ApiZodOk(page(AuditEvent))
  list(@CurrentCaller() caller: Caller, @ZodQuery(AuditQuery) q: Parsed<typeof AuditQuery>) {
    if (!caller.scope.isAll) throw forbidden('The audit trail is for admins of every store');
    return this.audit.list(q);
  }
}
