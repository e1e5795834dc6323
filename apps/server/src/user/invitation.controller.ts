import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AcceptInvitationInput, text } from '@kefu/contracts';
import { Public } from '../auth/auth.decorators.js';
import { ApiZodBody } from '../errors/api-zod.decorator.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { InvitationService } from './invitation.service.js';

/** A token is 43 base64url characters; anything else is not one (400, nothing looked up). */
const Token = text().regex(/^[\w-]{43}$/, 'is not an invitation token');

/** The invitation link's two calls, made before the user can sign in. */
@ApiTags('users')
@Controller('invitations')
export class InvitationController {
  constructor(private readonly invitations: InvitationService) {}

  @Public()
  @Get(':token')
  info(@Param('token', zod(Token)) token: string) {
    return this.invitations.info(token);
  }

  @Public()
  @Post(':token/accept')
  @HttpCode(204)
  @ApiZodBody(AcceptInvitationInput)
  async accept(@Param('token', zod(Token)) token: string, @Body(zod(AcceptInvitationInput)) input: Parsed<typeof AcceptInvitationInput>): Promise<void> {
    await this.invitations.accept(token, input.password);
  }
}
