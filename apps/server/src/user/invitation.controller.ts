import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AcceptInvitationInput, InvitationInfo, InvitationLookupInput } from '@kefu/contracts';
import { Public } from '../auth/auth.decorators.js';
import { ApiZodBody, ApiZodOk } from '../errors/api-zod.decorator.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { InvitationService } from './invitation.service.js';
import { ApiErrors } from '../errors/api-errors.decorator.js';

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
  @ApiOperation({ summary: 'Whom an invitation link is for (410 INVITATION_GONE when used, expired or revoked)' })
  @ApiZodOk(InvitationInfo)
  @ApiErrors('INVITATION_GONE')
  @ApiZodBody(InvitationLookupInput)
  info(@Body(zod(InvitationLookupInput)) input: Parsed<typeof InvitationLookupInput>) {
    return this.invitations.info(input.token);
  }

  @Public()
  @Post('accept')
  @HttpCode(204)
  @ApiOperation({ summary: "Set the password with an invitation link (the link is used up; the user's sessions end)" })
  @ApiNoContentResponse({ description: 'Password set' })
  @ApiErrors('INVITATION_GONE')
  @ApiZodBody(AcceptInvitationInput)
  async accept(@Body(zod(AcceptInvitationInput)) input: Parsed<typeof AcceptInvitationInput>): Promise<void> {
    await this.invitations.accept(input.token, input.password);
  }
}
