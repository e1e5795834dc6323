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
  /** A disabled channel's webhooks answer 410 and store nothing. */
  active: z.boolean(),
  /** Where the platform sends its messages: `/api/channels/<id>/inbound` (on the desk's address). */
  inboundPath: text(),
  secretRotatedAt: text().nullable(),
  /** Until then the secret before the last rotation is still accepted (null: only the current one). */
  previousSecretExpiresAt: text().nullable(),
});
export type Channel = z.infer<typeof Channel>;

/** Returned once, when the channel is created or its secret rotated: the webhook secret is never shown again. */
export const ChannelWithSecret = Channel.extend({ secret: text() });
export type ChannelWithSecret = z.infer<typeof ChannelWithSecret>;

/** Longest overlap of an old and a new webhook secret: a week for the platform to switch over. */
export const MAX_SECRET_OVERLAP_SECONDS = 7 * 24 * 3600;

/** `POST /api/channels/:id/rotate-secret`: a new secret; the old one keeps working for `overlapSeconds` (0: not at all). */
export const RotateChannelSecretInput = z.object({
  overlapSeconds: z
    .number()
    .int()
    .min(0)
    .max(MAX_SECRET_OVERLAP_SECONDS, `must be at most ${MAX_SECRET_OVERLAP_SECONDS} seconds (7 days)`)
    .default(24 * 3600),
});
export type RotateChannelSecretInput = z.infer<typeof RotateChannelSecretInput>;

/** `PATCH /api/channels/:id`: rename, disable or enable again. */
export const UpdateChannelInput = z.object({
  name: displayName().trim().min(1).max(120).optional(),
  active: z.boolean().optional(),
});
export type UpdateChannelInput = z.infer<typeof UpdateChannelInput>;

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
