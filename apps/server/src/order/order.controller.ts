import { Controller, Get, Param } from '@nestjs/common';
import { ForClients } from '../auth/auth.decorators.js';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Order, type Page, page } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ConversationService } from '../conversation/conversation.service.js';
import { ApiZodOk } from '../errors/api-zod.decorator.js';
import { UuidPipe } from '../errors/uuid.pipe.js';
import { StoreEntity } from '../store/store.entity.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toOrderDto } from './order.dto.js';
import { OrderService } from './order.service.js';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('conversations')
export class OrderController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationService,
    private readonly orders: OrderService,
  ) {}

  /** The orders beside a chat: the one the conversation is about first, then the customer's other recent ones. */
  @Get(':id/orders')
  @ForClients()
  @ApiOperation({ summary: 'The orders beside a chat: the conversation\'s own first, then the customer\'s other recent ones' })
  @ApiZodOk(page(Order))
  async ofConversation(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string): Promise<Page<Order>> {
    const conv = await this.conversations.findVisible(caller, id);
    const store = await this.db.getRepository(StoreEntity).findOneByOrFail({ id: conv.storeId });
    const linked = conv.orderRef ? await this.orders.find(store, conv.orderRef) : null;
    const others = (await this.orders.ofCustomer(store, conv.customer!.externalId)).filter((o) => o.orderRef !== linked?.orderRef);
    const items = [...(linked ? [linked] : []), ...others].map(toOrderDto);
    return { items, total: items.length, nextCursor: null };
  }
}
