import type { Channel } from '@kefu/contracts';
import type { ChannelEntity } from './channel.entity.js';

export const toChannelDto = (c: ChannelEntity): Channel => ({
  id: c.id,
  storeId: c.storeId,
  kind: c.kind,
  name: c.name,
  createdAt: c.createdAt.toISOString(),
});
