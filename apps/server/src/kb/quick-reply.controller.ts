import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateQuickReplyInput, ListQuickRepliesQuery, page, QuickReply, QuickReplySaved, UpdateQuickReplyInput } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiErrors } from '../errors/api-errors.decorator.js';
import { ApiZodBody, ApiZodCreated, ApiZodOk, ZodQuery } from '../errors/api-zod.decorator.js';
import { UuidPipe } from '../errors/uuid.pipe.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { QuickReplyService } from './quick-reply.service.js';

@ApiTags('knowledge base')
@ApiBearerAuth()
@Controller('kb/quick-replies')
export class QuickReplyController {
  constructor(private readonly replies: QuickReplyService) {}

  @Get()
  @ApiOperation({ summary: 'Quick replies the caller may use' })
  @ApiZodOk(page(QuickReply))
  list(@CurrentCaller() caller: Caller, @ZodQuery(ListQuickRepliesQuery) q: Parsed<typeof ListQuickRepliesQuery>) {
    return this.replies.list(caller, q);
  }

  @Post()
  @Roles('supervisor', 'admin')
  @ApiZodBody(CreateQuickReplyInput)
  @ApiOperation({ summary: 'Create a quick reply (a shortcut is unique in its store); the answer lists the guard rules its body breaks' })
  @ApiZodCreated(QuickReplySaved)
  @ApiErrors('SHORTCUT_TAKEN')
  create(@CurrentCaller() caller: Caller, @Body(zod(CreateQuickReplyInput)) input: Parsed<typeof CreateQuickReplyInput>) {
    return this.replies.create(caller, input);
  }

  @Patch(':id')
  @Roles('supervisor', 'admin')
  @ApiZodBody(UpdateQuickReplyInput)
  @ApiOperation({ summary: 'Edit a quick reply; the answer lists the guard rules its body breaks' })
  @ApiZodOk(QuickReplySaved)
  @ApiErrors('SHORTCUT_TAKEN')
  update(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(UpdateQuickReplyInput)) input: Parsed<typeof UpdateQuickReplyInput>) {
    return this.replies.update(caller, id, input);
  }

  @Delete(':id')
  @Roles('supervisor', 'admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a quick reply' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    await this.replies.remove(caller, id);
  }
}
