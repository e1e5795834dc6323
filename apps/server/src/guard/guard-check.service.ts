import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GuardCheckInput, GuardCheckResult, GuardViolation, GuardWarning, Platform } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import { ConversationEntity } from '../conversation/conversation.entity.js';
import { findPhones } from './contact-detector.js';
import { allowedHosts } from './guard-defaults.js';
import type { CheckContext } from './guard-rule-set.js';
import { GuardRulesService } from './guard-rules.service.js';
import { prepareText } from './guard-text.js';
import { findIdCards, findNames, type PersonalDataHit } from './personal-data-detector.js';
import { notFound } from '../errors/desk-error.js';

const digitsOf = (phone: string | null | undefined) => (phone ?? '').replace(/\D/g, '').replace(/^(?:0086|86)(?=1\d{10}$)/, '');

/** The check itself: which rules apply where the text is written, and what it breaks. */
@Injectable()
export class GuardCheckService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: GuardRulesService,
  ) {}

  /** `POST /api/guard/check`: in a conversation the caller sees, or for a store of theirs (quick replies, articles). */
  async check(caller: Caller, input: GuardCheckInput): Promise<GuardCheckResult> {
    if (input.conversationId) {
      const qb = this.db.getRepository(ConversationEntity).createQueryBuilder('c').leftJoinAndSelect('c.customer', 'cu').where('c.id = :id', { id: input.conversationId });
      const conv = await caller.scope.apply(qb, 'c.storeId').getOne();
      if (!conv) throw notFound('Conversation');
      return { violations: await this.inConversation(conv, input.text) };
    }
    if (!caller.scope.canSee(input.storeId!)) throw notFound('Store');
    return { violations: await this.inStore(input.storeId!, input.text) };
  }

  /** A text an agent writes in a conversation (its customer's own phone is no off-platform contact; other customers' data is). */
  async inConversation(conv: ConversationEntity, text: string): Promise<GuardViolation[]> {
    const customer = conv.customer ?? null;
    return this.evaluate(conv.storeId, text, customer ? { id: customer.id, name: customer.name, phone: customer.phone } : null);
  }

  async inStore(storeId: string, text: string): Promise<GuardViolation[]> {
    return this.evaluate(storeId, text, null);
  }

  /**
   * What the fields of a saved text (a quick reply, an article) break where it will be used: in its
   * store, or for a global one (storeId null) in any store of the desk. Saving is not refused.
   */
  async warnings(storeId: string | null, fields: Record<string, string>): Promise<GuardWarning[]> {
    const out: GuardWarning[] = [];
    for (const [field, text] of Object.entries(fields)) {
      const violations = storeId ? await this.inStore(storeId, text) : await this.inAnyStore(text);
      out.push(...violations.map((v) => ({ ...v, field })));
    }
    return out;
  }

  /**
   * A global text, under the rules of no one store: the global and platform rules that apply to any of
   * the desk's stores (each platform and set of categories once). Other customers' data is a store's
   * matter; ID card numbers are found all the same.
   */
  private async inAnyStore(text: string): Promise<GuardViolation[]> {
    if (!text.trim()) return [];
    const places: { platform: Platform; categories: string[] }[] = await this.db.query(
      `SELECT DISTINCT s.platform, coalesce(p.categories, '{}') AS categories FROM stores s LEFT JOIN store_guard_profiles p ON p.store_id = s.id`,
    );
    const set = await this.rules.ruleSet();
    const t = prepareText(text);
    const personal = findIdCards(t);
    const now = new Date();
    const found = new Map<string, GuardViolation>();
    for (const { platform, categories } of places) {
      // No store's own rule matches the empty store id.
      const ctx: CheckContext = { storeId: '', platform, categories, now, allowedHosts: allowedHosts(platform) };
      for (const v of set.evaluate(t, ctx, personal)) found.set(`${v.ruleId}:${v.start}:${v.end}`, v);
    }
    return [...found.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  }

  private async evaluate(storeId: string, text: string, customer: { id: string; name: string; phone: string | null } | null): Promise<GuardViolation[]> {
    if (!text.trim()) return [];
    const [store]: { platform: Platform; categories: string[] }[] = await this.db.query(
      `SELECT s.platform, coalesce(p.categories, '{}') AS categories FROM stores s LEFT JOIN store_guard_profiles p ON p.store_id = s.id WHERE s.id = $1`,
      [storeId],
    );
    if (!store) throw notFound('Store');
    const set = await this.rules.ruleSet();
    const ownPhone = digitsOf(customer?.phone);
    const ctx: CheckContext = { storeId, platform: store.platform, categories: store.categories, now: new Date(), allowedHosts: allowedHosts(store.platform), ownPhones: ownPhone ? [ownPhone] : [] };
    const t = prepareText(text);
    const personal = set.needsPersonalData(ctx) ? await this.personalData(t, storeId, customer) : [];
    return set.evaluate(t, ctx, personal);
  }

  /** ID card numbers, and names or phone numbers of the store's other customers. */
  private async personalData(t: ReturnType<typeof prepareText>, storeId: string, customer: { id: string; name: string; phone: string | null } | null): Promise<PersonalDataHit[]> {
    const hits = findIdCards(t);
    const phones = findPhones(t);
    const others: { name: string; phone: string | null }[] = await this.db.query(
      `SELECT name, phone FROM customers
        WHERE store_id = $1 AND ($2::uuid IS NULL OR id <> $2)
          AND ((char_length(name) >= 2 AND strpos($3, lower(regexp_replace(name, '[[:space:][:punct:]]', '', 'g'))) > 0)
               OR regexp_replace(coalesce(phone, ''), '\\D', '', 'g') = ANY($4::text[]))
        LIMIT 50`,
      [storeId, customer?.id ?? null, t.loose, phones.map((p) => p.value)],
    );
    // A name is personal data only when it is not also the conversation's own customer's.
    const names = others.map((o) => o.name).filter((n) => n !== customer?.name && !(/^[\x20-\x7e]+$/.test(n) && n.replace(/\W/g, '').length < 4));
    hits.push(...findNames(t, names));
    const otherPhones = new Set(others.map((o) => digitsOf(o.phone)).filter(Boolean));
    for (const p of phones) if (otherPhones.has(p.value)) hits.push({ start: p.start, end: p.end, what: 'customer_phone' });
    return hits;
  }
}
