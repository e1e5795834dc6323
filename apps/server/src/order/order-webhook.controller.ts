import { Controller, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { OrderWebhookResult, PlatformOrderInput, SIGNATURE_HEADER } from '@kefu/contracts';
import { Public } from '../auth/auth.decorators.js';
import { ApiErrors } from '../errors/api-errors.decorator.js';
import { ApiZodAccepted, ApiZodBody } from '../errors/api-zod.decorator.js';
import { ChannelThrottle } from '../throttle/throttle.decorators.js';
import { UuidPipe } from '../errors/uuid.pipe.js';
import { SignedWebhook } from '../inbound/signed-webhook.service.js';
import { OrderService } from './order.service.js';

@ApiTags('channels')
@Controller('channels')
export class OrderWebhookController {
  constructor(
    private readonly webhook: SignedWebhook,
    private readonly orders: OrderService,
  ) {}

  /** Platform webhook: an order placed or updated in the channel's store (idempotent on orderRef). */
  @Public()
  @ChannelThrottle()
  @Post(':channelId/orders')
  @HttpCode(202)
  @ApiHeader({ name: 'X-Kefu-Signature', description: 'sha256=<hex HMAC-SHA256 of the raw body with the channel secret>' })
  @ApiZodBody(PlatformOrderInput)
  @ApiOperation({ summary: 'Platform webhook: an order placed or updated in the channel\'s store (signed; idempotent on orderRef)' })
  @ApiZodAccepted(OrderWebhookResult)
  @ApiErrors('SIGNATURE_INVALID', 'CHANNEL_DISABLED', 'RATE_LIMITED', 'DESK_SATURATED')
  async receive(@Param('channelId', UuidPipe) channelId: string, @Req() req: RawBodyRequest<Request>, @Headers(SIGNATURE_HEADER) signature?: string) {
    const { channel, payload } = await this.webhook.verify(channelId, req.rawBody, signature, PlatformOrderInput);
    const date = (s?: string) => (s ? new Date(s) : null);
    const order = await this.orders.record(channel.storeId, {
      orderRef: payload.orderRef,
      customerExternalId: payload.customer.externalId,
      items: payload.items,
      paidAt: new Date(payload.paidAt),
      shippedAt: date(payload.shippedAt),
      deliveredAt: date(payload.deliveredAt),
      carrier: payload.carrier ?? null,
      trackingNumber: payload.trackingNumber ?? null,
      updatedAt: date(payload.updatedAt),
      receiver: payload.receiver ?? null,
    });
    return { orderId: order.id, orderRef: order.orderRef };
  }
}
