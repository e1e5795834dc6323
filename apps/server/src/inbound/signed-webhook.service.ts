import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { ChannelEntity } from '../channel/channel.entity.js';
import { ValidationError, fieldsOf } from '../errors/validation.error.js';
import { isChannelSignature } from '../channel/channel-secret.js';
import { DeskError, notFound } from '../errors/desk-error.js';

/**
 * What every platform webhook does first: find the channel (with its store), check the HMAC
 * signature of the raw body (401 and nothing stored otherwise; during the overlap after a secret rotation the
 * old secret is accepted too), refuse a disabled channel (410, nothing stored), and parse the body with its schema.
 */
@Injectable()
export class SignedWebhook {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async verify<T extends z.ZodType>(channelId: string, rawBody: Buffer | undefined, signature: string | undefined, schema: T): Promise<{ channel: ChannelEntity; payload: z.infer<T> }> {
    const channel = await this.db
      .getRepository(ChannelEntity)
      .createQueryBuilder('ch')
      .addSelect(['ch.secret', 'ch.previousSecret'])
      .innerJoinAndSelect('ch.store', 'st')
      .where('ch.id = :channelId', { channelId })
      .getOne();
    if (!channel) throw notFound('Channel');
    if (!rawBody || !isChannelSignature(channel, rawBody, signature)) throw new DeskError('SIGNATURE_INVALID', 'Invalid or missing X-Kefu-Signature');
    if (channel.disabledAt) throw new DeskError('CHANNEL_DISABLED', 'This channel is disabled');
    let json: unknown;
    try {
      json = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw new ValidationError({ body: 'is not valid JSON' });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ValidationError(fieldsOf(parsed.error));
    return { channel, payload: parsed.data };
  }
}
