import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Language } from '@kefu/contracts';
import { ConversationEntity } from '../conversation/conversation.entity.js';
import { ConversationHooks } from '../conversation/conversation-hooks.js';
import { ConversationState } from '../conversation/conversation-state.service.js';
import { CustomerMessenger } from '../conversation/customer-messenger.service.js';
import { MessageEntity } from '../conversation/message.entity.js';
import { StoreEntity } from '../store/store.entity.js';
import { CsatSurveyEntity } from './csat-survey.entity.js';
import { parseRating } from './rating-parser.js';

/** How long after the question a short answer still counts as the rating. */
const ANSWER_WINDOW_MS = 3 * 24 * 3600 * 1000;

const QUESTION: Record<Language, (store: string) => string> = {
  zh: (store) => `感谢您联系${store}!请为本次服务打分:回复 1–5(5 = 非常满意,1 = 非常不满意),或回复"非常满意 / 满意 / 一般 / 不满意 / 非常不满意"。`,
  en: (store) => `Thank you for contacting ${store}! How satisfied are you with our service? Reply 1–5 (5 = very satisfied, 1 = very dissatisfied).`,
};

/**
 * Customer satisfaction: a question sent through the channel when a conversation is resolved, in the
 * customer's language, and the answer recognised in the next short message, recorded once.
 */
@Injectable()
export class CsatService {
  constructor(
    private readonly messenger: CustomerMessenger,
    private readonly state: ConversationState,
    hooks: ConversationHooks,
  ) {
    hooks.listen({ resolving: (m, conv) => this.ask(m, conv) });
  }

  /** In the resolving transaction: asks for a rating, unless nobody answered the customer or it was asked already. */
  async ask(m: EntityManager, conv: ConversationEntity): Promise<MessageEntity | null> {
    const [{ answered, pending }]: { answered: boolean; pending: boolean }[] = await m.query(
      `SELECT EXISTS (SELECT 1 FROM messages WHERE conversation_id = $1 AND direction = 'outbound' AND ticket_id IS NULL) AS answered,
              EXISTS (SELECT 1 FROM csat_surveys WHERE conversation_id = $1 AND rating IS NULL) AS pending`,
      [conv.id],
    );
    if (!answered || pending) return null;
    const store = await m.getRepository(StoreEntity).findOneByOrFail({ id: conv.storeId });
    const lang: Language = conv.language ?? 'zh';
    const message = await this.messenger.write(m, conv, QUESTION[lang](store.name), { authorId: null });
    await m.getRepository(CsatSurveyEntity).insert({ conversationId: conv.id, storeId: conv.storeId, agentId: conv.assigneeId, lang, messageId: message.id, sentAt: message.createdAt });
    return message;
  }

  /**
   * In the inbound transaction, before a new conversation would be started: a short answer to a
   * recent question in a resolved conversation is its rating. The message joins that conversation
   * (not reopening it, starting no clock) and the rating is recorded once. Null when it is not one.
   */
  async recordAnswer(m: EntityManager, channelId: string, customerId: string, input: { text: string; externalMessageId: string }): Promise<{ conversation: ConversationEntity; message: MessageEntity; duplicate: boolean } | null> {
    const rating = parseRating(input.text);
    if (rating === null) return null;
    // The platform redelivering an answer already recorded: the same message, nothing new.
    const earlier = await m.getRepository(MessageEntity).findOneBy({ channelId, externalId: input.externalMessageId, direction: 'inbound' });
    if (earlier) return { conversation: await m.getRepository(ConversationEntity).findOneByOrFail({ id: earlier.conversationId }), message: earlier, duplicate: true };
    const [open] = await m.query(`SELECT 1 FROM conversations WHERE channel_id = $1 AND customer_id = $2 AND status <> 'resolved' LIMIT 1`, [channelId, customerId]);
    if (open) return null;
    const [survey] = await m.query(
      `SELECT s.id, s.conversation_id FROM csat_surveys s JOIN conversations c ON c.id = s.conversation_id
       WHERE c.channel_id = $1 AND c.customer_id = $2 AND s.rating IS NULL AND s.sent_at > $3
       ORDER BY s.sent_at DESC LIMIT 1 FOR UPDATE OF s`,
      [channelId, customerId, new Date(Date.now() - ANSWER_WINDOW_MS)],
    );
    if (!survey) return null;
    const conversation = await m.getRepository(ConversationEntity).findOneByOrFail({ id: survey.conversation_id });
    const message = await this.state.recordAnswer(m, conversation, channelId, input);
    await m.query(`UPDATE csat_surveys SET rating = $2, rated_at = $3, reply = $4 WHERE id = $1 AND rating IS NULL`, [survey.id, rating, message.createdAt, input.text]);
    return { conversation, message, duplicate: false };
  }
}
