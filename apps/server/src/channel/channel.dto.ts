import type { Channel } from '@kefu/contracts';
import type { ChannelEntity } from './channel.entity.js';

/** A channel as the API shows it: never its secrets. */
export const toChannelDto = (c: ChannelEntity, now = new Date()): Channel => ({
  id: c.id,
  storeId: c.storeId,
  kind: c.kind,
  name: c.name,
  createdAt: c.createdAt.toISOString(),
  active: !c.disabledAt,
  inboundPath: `/api/channels/${c.id}/inbound`,
  secretRotatedAt: c.secretRotatedAt?.toISOString() ?? null,
  previousSecretExpiresAt: c.previousSecretExpiresAt && c.previousSecretExpiresAt > now ? c.previousSecretExpiresAt.toISOString() : null,
});
