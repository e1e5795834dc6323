import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ConversationEntity } from './conversation.entity.js';
import type { MessageEntity } from './message.entity.js';

/**
 * What the conversation module tells the modules built on it (routing, satisfaction surveys), which
 * register here at boot: the conversation module imports none of them.
 */
export interface ConversationListener {
  /** In the resolving transaction; may write a message to the customer (sent after commit). */
  resolving?(m: EntityManager, conv: ConversationEntity): Promise<MessageEntity | null>;
  /** After commit: agents' slots were freed or conversations went back to their stores' queues. */
  slotsFreed?(storeIds: string[]): Promise<void>;
  /** After commit: response clocks of these conversations breached (alarms that rang together). */
  breached?(convs: ConversationEntity[]): Promise<void>;
}

@Injectable()
export class ConversationHooks {
  private readonly listeners: ConversationListener[] = [];

  listen(listener: ConversationListener): void {
    this.listeners.push(listener);
  }

  async resolving(m: EntityManager, conv: ConversationEntity): Promise<MessageEntity[]> {
    const messages: MessageEntity[] = [];
    for (const l of this.listeners) {
      const message = await l.resolving?.(m, conv);
      if (message) messages.push(message);
    }
    return messages;
  }

  async slotsFreed(storeIds: string[]): Promise<void> {
    for (const l of this.listeners) await l.slotsFreed?.(storeIds);
  }

  async breached(convs: ConversationEntity[]): Promise<void> {
    if (convs.length) for (const l of this.listeners) await l.breached?.(convs);
  }
}
