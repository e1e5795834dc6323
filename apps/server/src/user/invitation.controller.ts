import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AcceptInvitationInput, InvitationLookupInput } from '@kefu/contracts';
import { Public } from '../auth/auth.decorators.js';
import { ApiZodBody } from '../errors/api-zod.decorator.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { InvitationService } from './invitation.service.js';

/**
 * The invitation link's two calls, made before the user can sign in. The token travels in the body, never in a
 * URL: addresses end up in access logs and proxies' logs.
 */
@ApiTags('users')
@Controller('invitations')
export class InvitationController {
  constructor(private readonly invitations: InvitationService) {}

  /** Whom a link is for: 404 unknown, 410 used, expired or revoked. */
  @Public()
  @Post('lookup')
  @HttpCode(200)
  @ApiZodBody(InvitationLookupInput)
  info(@Body(zod(InvitationLookupInput)) input: Parsed<typeof InvitationLookupInput>) {
    return this.invitations.info(input.token);
  }

  @Public()
  @Post('accept')
  @HttpCode(204)
  @ApiZodBody(AcceptInvitationInput)
  async accept(@Body(zod(AcceptInvitationInput)) input: Parsed<typeof AcceptInvitationInput>): Promise<void> {
    await this.invitations.accept(input.token, input.password);
  }
}
