import { randomBytes } from 'node:crypto';
import { isValidSignature } from '../inbound/signature.util.js';
import type { ChannelEntity } from './channel.entity.js';

/** A new webhook secret: 256 random bits. */
export const newChannelSecret = (): string => randomBytes(32).toString('base64url');

/**
 * Whether a webhook's signature is the channel's: made with the current secret, or — during the overlap after a
 * rotation — with the one before it.
 */
export function isChannelSignature(channel: Pick<ChannelEntity, 'secret' | 'previousSecret' | 'previousSecretExpiresAt'>, rawBody: Buffer, signature: string | undefined, now = new Date()): boolean {
  if (isValidSignature(channel.secret, rawBody, signature)) return true;
  const overlapping = !!channel.previousSecret && !!channel.previousSecretExpiresAt && channel.previousSecretExpiresAt > now;
  return overlapping && isValidSignature(channel.previousSecret!, rawBody, signature);
}
