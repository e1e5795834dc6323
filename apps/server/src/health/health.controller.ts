import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { Public } from '../auth/auth.decorators.js';
import { RETRY_AFTER_SECONDS } from '../errors/http-exception.filter.js';
import { REDIS } from '../redis/redis.module.js';
import { ApiZodOk, jsonSchema } from '../errors/api-zod.decorator.js';
import { HealthReport } from '@kefu/contracts';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /**
   * Liveness and readiness: 200 when PostgreSQL and Redis answer; otherwise 503 (with Retry-After)
   * and terminus's report as is: `error` names what is down, `details` has both.
   */
  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and readiness: PostgreSQL and Redis' })
  @ApiZodOk(HealthReport, 'Both answer')
  @ApiResponse({ status: 503, description: 'PostgreSQL or Redis is down (`error` names which); Retry-After', schema: jsonSchema(HealthReport, 'output') })
  async check(@Res() res: Response): Promise<void> {
    try {
      res.json(
        await this.health.check([
          () => this.db.pingCheck('database', { timeout: 2000 }),
          async () => {
            const indicator = this.indicators.check('redis');
            try {
              await this.redis.ping();
              return indicator.up();
            } catch (err) {
              return indicator.down({ message: (err as Error).message });
            }
          },
        ]),
      );
    } catch (err) {
      if (!(err instanceof ServiceUnavailableException)) throw err;
      res.status(503).setHeader('retry-after', String(RETRY_AFTER_SECONDS)).json(err.getResponse());
    }
  }
}
