import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { PageQuery } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { AuditService } from './audit.service.js';

const AuditQuery = PageQuery.extend({
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(100).optional(),
});

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  list(@Query(zod(AuditQuery)) q: Parsed<typeof AuditQuery>) {
    return this.audit.list(q);
  }
}
