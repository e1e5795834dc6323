import { z } from 'zod';
import { ChannelKind } from './domain.js';

export const CreateChannelInput = z.object({
  kind: ChannelKind,
  name: z.string().trim().min(1).max(120),
});
export type CreateChannelInput = z.infer<typeof CreateChannelInput>;

export const Channel = z.object({
  id: z.string(),
  storeId: z.string(),
  kind: ChannelKind,
  name: z.string(),
  createdAt: z.string(),
});
export type Channel = z.infer<typeof Channel>;

/** Returned once, when the channel is created: the webhook secret is never shown again. */
export const ChannelWithSecret = Channel.extend({ secret: z.string() });
export type ChannelWithSecret = z.infer<typeof ChannelWithSecret>;

/** Body of `POST /api/channels/:channelId/inbound`, signed with `X-Kefu-Signature`. */
export const InboundMessageInput = z.object({
  externalMessageId: z.string().trim().min(1).max(200),
  customer: z.object({
    externalId: z.string().trim().min(1).max(200),
    name: z.string().trim().max(120).optional(),
  }),
  text: z.string().min(1).max(10_000),
  sentAt: z.iso.datetime({ offset: true }).optional(),
  orderRef: z.string().trim().min(1).max(100).optional(),
});
export type InboundMessageInput = z.infer<typeof InboundMessageInput>;

export const SIGNATURE_HEADER = 'x-kefu-signature';
