import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { KbSuggestResult } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import { ConversationService } from '../conversation/conversation.service.js';
import { detectLanguage } from '../text/language.util.js';
import { StoreEntity } from '../store/store.entity.js';
import { KbGapService } from './kb-gap.service.js';
import { KbSearchService } from './kb-search.service.js';
import { fillVariables } from './kb-variables.js';

const SUGGESTIONS = 3;
/** The customer's messages a suggestion answers: those since the last agent reply, at most this many. */
const RECENT_MESSAGES = 3;

@Injectable()
export class KbSuggestService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationService,
    private readonly search: KbSearchService,
    private readonly gaps: KbGapService,
  ) {}

  async suggest(caller: Caller, conversationId: string): Promise<KbSuggestResult> {
    const conv = await this.conversations.findVisible(caller, conversationId);
    const recent: { body: string }[] = await this.db.query(
      `SELECT body FROM messages
       WHERE conversation_id = $1 AND direction = 'inbound'
         AND created_at > COALESCE((SELECT max(created_at) FROM messages WHERE conversation_id = $1 AND direction = 'outbound'), '-infinity')
       ORDER BY created_at DESC, id DESC LIMIT $2`,
      [conv.id, RECENT_MESSAGES],
    );
    const query = recent
      .reverse()
      .map((m) => m.body.trim())
      .join('\n');
    if (!query) return { items: [], query };
    const lang = conv.language ?? detectLanguage(query);
    const hits = await this.search.find(caller.scope, { text: query, storeId: conv.storeId, lang, limit: SUGGESTIONS });
    if (!hits.length) {
      this.gaps.note(conv.storeId, lang, query, [conv.customer?.name ?? null]);
      return { items: [], query };
    }
    const store = await this.db.getRepository(StoreEntity).findOneBy({ id: conv.storeId });
    const values = { customerName: conv.customer?.name ?? null, orderRef: conv.orderRef, storeName: store?.name ?? null };
    return { items: hits.map((h) => ({ ...h, filled: fillVariables(h.article, values) })), query };
  }
}
