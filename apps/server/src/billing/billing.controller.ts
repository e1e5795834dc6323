import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Statement, StatementQuery, StoreContract, StoreContractInput } from '@kefu/contracts';
import { z } from 'zod';
import { ForClients, Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiErrors } from '../errors/api-errors.decorator.js';
import { ApiZodBody, ApiZodOk, ZodQuery } from '../errors/api-zod.decorator.js';
import { UuidPipe } from '../errors/uuid.pipe.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { StatementService } from './statement.service.js';

@ApiTags('billing')
@ApiBearerAuth()
@Controller()
export class BillingController {
  constructor(private readonly statements: StatementService) {}

  /** The store's contract with the agency: base fee, commission rate on attributed sales, attribution window, promotion fees. */
  @Get('stores/:id/contract')
  @ForClients()
  @Roles('analyst', 'admin')
  @ApiOperation({ summary: "The store's contract with the agency (fees, commission, attribution window)" })
  @ApiZodOk(StoreContract)
  @ApiErrors('CONTRACT_NOT_SET')
  contract(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return this.statements.contract(caller, id);
  }

  /** Sets the store's contract (admin; audited). Frozen statements keep the terms they were frozen with. */
  @Put('stores/:id/contract')
  @Roles('admin')
  @ApiOperation({ summary: "Set the store's contract (audited; frozen statements keep their terms)" })
  @ApiZodBody(StoreContractInput)
  @ApiZodOk(StoreContract)
  setContract(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(StoreContractInput)) input: Parsed<typeof StoreContractInput>) {
    return this.statements.setContract(caller, id, input);
  }

  /** The month's statement of each store the caller may see that has a contract, with every attributed order. */
  @Get('statements')
  @ForClients()
  @Roles('analyst', 'admin')
  @ApiOperation({ summary: "The month's statement of each visible store with a contract, with its attributed orders" })
  @ApiZodOk(z.object({ items: z.array(Statement) }))
  list(@CurrentCaller() caller: Caller, @ZodQuery(StatementQuery) q: Parsed<typeof StatementQuery>) {
    return this.statements.list(caller, q);
  }
}
