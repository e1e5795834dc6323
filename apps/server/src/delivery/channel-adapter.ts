import type { ChannelKind } from '@kefu/contracts';

/** What the desk sends to a platform: one agent reply to one customer. */
export interface OutboundMessage {
  messageId: string;
  channelId: string;
  channelKind: ChannelKind;
  storeId: string;
  conversationId: string;
  customerExternalId: string;
  body: string;
}

/**
 * The boundary to a sales platform's messaging API. A real integration (Taobao 千牛, JD 咚咚, Douyin
 * 飞鸽…) implements this; the desk ships the simulated platform. Throwing means "try again later".
 */
export interface ChannelAdapter {
  send(message: OutboundMessage): Promise<{ externalId: string }>;
}

export const CHANNEL_ADAPTER = Symbol('CHANNEL_ADAPTER');
