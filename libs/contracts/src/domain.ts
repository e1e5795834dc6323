// Domain vocabulary of the desk (SPEC.md "Domain"): the enum values are the contract.
import { z } from 'zod';

export const PLATFORMS = ['taobao', 'tmall', 'jd', 'douyin', 'pdd', 'wechat_mini', 'web'] as const;
export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;

export const CHANNEL_KINDS = ['marketplace_chat', 'social_dm', 'web_chat'] as const;
export const ChannelKind = z.enum(CHANNEL_KINDS);
export type ChannelKind = z.infer<typeof ChannelKind>;

export const CONVERSATION_STATUSES = ['open', 'pending', 'resolved'] as const;
export const ConversationStatus = z.enum(CONVERSATION_STATUSES);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const MESSAGE_DIRECTIONS = ['inbound', 'outbound', 'note'] as const;
export const MessageDirection = z.enum(MESSAGE_DIRECTIONS);
export type MessageDirection = z.infer<typeof MessageDirection>;

/** Delivery of an outbound message through its channel adapter. */
export const DELIVERY_STATUSES = ['queued', 'delivered', 'failed'] as const;
export const DeliveryStatus = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/** `client`: the brand's staff — read-only on their stores (figures, conversations masked, tickets, reports), writing only report comments. */
export const ROLES = ['agent', 'supervisor', 'analyst', 'admin', 'client'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LANGUAGES = ['zh', 'en'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const PRESENCES = ['online', 'away', 'offline'] as const;
export const Presence = z.enum(PRESENCES);
export type Presence = z.infer<typeof Presence>;

export const SLA_TIMER_KINDS = ['first_response', 'next_response', 'resolution'] as const;
export const SLA_TIMER_STATUSES = ['running', 'paused', 'met', 'breached', 'cancelled'] as const;

export const TICKET_TYPES = ['return', 'exchange', 'refund_only', 'quality_complaint'] as const;

/** Root-cause taxonomy (SPEC.md "Root-cause taxonomy"). */
export const CAUSE_CODES = [
  'product_quality',
  'not_as_described',
  'wrong_or_missing_item',
  'shipping_damage',
  'logistics_delay',
  'size_fit',
  'changed_mind',
  'price_promotion',
  'service_experience',
  'other',
] as const;
export const CauseCode = z.enum(CAUSE_CODES);
export type CauseCode = z.infer<typeof CauseCode>;
