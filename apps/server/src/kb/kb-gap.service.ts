import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Language } from '@kefu/contracts';
import { maskPersonalText } from '../privacy/pii-mask.js';
import { gapKey, queryWords } from './kb-tokenizer.js';

/** Questions the knowledge base had no answer for, counted by normalised text per store and language. */
@Injectable()
export class KbGapService {
  private readonly logger = new Logger(KbGapService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Counts the question in the background: the answer (nothing found) does not wait for the write,
   * nor for another search of the same question holding its row.
   */
  note(storeId: string | null, lang: Language, text: string, names: (string | null)[] = []): void {
    this.record(storeId, lang, text, names).catch((err: Error) => this.logger.warn(`knowledge-base gap not recorded: ${err.message}`));
  }

  /** Counts a question, masked first (phones, e-mails, addresses, `names` and introduced names): supervisors read gaps. */
  async record(storeId: string | null, lang: Language, text: string, names: (string | null)[] = []): Promise<void> {
    // Greetings alone ("在吗", "hi") are not questions the knowledge base misses.
    if (!queryWords(text).length) return;
    const query = gapKey(maskPersonalText(text, names));
    await this.db.query(
      storeId
        ? `INSERT INTO kb_gaps (store_id, lang, query) VALUES ($1, $2, $3)
           ON CONFLICT (store_id, lang, query) WHERE store_id IS NOT NULL DO UPDATE SET count = kb_gaps.count + 1, last_seen_at = now()`
        : `INSERT INTO kb_gaps (store_id, lang, query) VALUES ($1, $2, $3)
           ON CONFLICT (lang, query) WHERE store_id IS NULL DO UPDATE SET count = kb_gaps.count + 1, last_seen_at = now()`,
      [storeId, lang, query],
    );
  }
}
