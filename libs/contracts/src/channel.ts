import { z } from 'zod';
import { displayName, instant, text } from './input.js';
import { ChannelKind } from './domain.js';

export const CreateChannelInput = z.object({
  kind: ChannelKind,
  name: displayName().trim().min(1).max(120),
});
export type CreateChannelInput = z.infer<typeof CreateChannelInput>;

export const Channel = z.object({
  id: text(),
  storeId: text(),
  kind: ChannelKind,
  name: text(),
  createdAt: text(),
});
export type Channel = z.infer<typeof Channel>;

/** Returned once, when the channel is created: the webhook secret is never shown again. */
export const ChannelWithSecret = Channel.extend({ secret: text() });
export type ChannelWithSecret = z.infer<typeof ChannelWithSecret>;

/** Body of `POST /api/channels/:channelId/inbound`, signed with `X-Kefu-Signature`. */
export const InboundMessageInput = z.object({
  externalMessageId: text().trim().min(1).max(200),
  customer: z.object({
    externalId: text().trim().min(1).max(200),
    name: displayName().trim().max(120).optional(),
  }),
  text: text().min(1).max(10_000),
  sentAt: instant().optional(),
  orderRef: text().trim().min(1).max(100).optional(),
});
export type InboundMessageInput = z.infer<typeof InboundMessageInput>;

export const SIGNATURE_HEADER = 'x-kefu-signature';
