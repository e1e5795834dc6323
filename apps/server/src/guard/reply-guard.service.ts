import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type GuardViolation, type PostMessageInput } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import type { ConversationEntity } from '../conversation/conversation.entity.js';
import { GuardCheckService } from './guard-check.service.js';
import { GuardEventEntity } from './guard-event.entity.js';
import { verdict } from './guard-rule-set.js';
import { DeskError } from '../errors/desk-error.js';

/**
 * The guard in the reply path: a reply breaking a block rule is refused (422 REPLY_BLOCKED, nothing
 * stored or sent); one breaking only warn rules needs `confirm: {reason}` (422
 * REPLY_NEEDS_CONFIRMATION otherwise). Refusals and overrides are recorded for the quality review.
 * Notes are internal and not checked.
 */
@Injectable()
export class ReplyGuard {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly check: GuardCheckService,
    private readonly audit: AuditService,
  ) {}

  async assertAllowed(caller: Caller, conversation: ConversationEntity, input: PostMessageInput): Promise<void> {
    if (input.kind !== 'reply') return;
    const violations = await this.check.inConversation(conversation, input.body);
    const decision = verdict(violations);
    if (decision === 'ok') return;
    if (decision === 'blocked') {
      await this.record('blocked', caller, conversation, violations, null);
      throw new DeskError('REPLY_BLOCKED', 'The reply breaks a guard rule and was not sent', { violations });
    }
    if (!input.confirm) throw new DeskError('REPLY_NEEDS_CONFIRMATION', 'The reply breaks warn rules: send it with confirm.reason to override', { violations });
    await this.record('override', caller, conversation, violations, input.confirm.reason);
  }

  private async record(kind: 'blocked' | 'override', caller: Caller, conversation: ConversationEntity, violations: GuardViolation[], reason: string | null): Promise<void> {
    const ruleIds = [...new Set(violations.map((v) => v.ruleId))];
    await this.db.transaction(async (m) => {
      if (kind === 'override')
        await this.audit.record({ actorId: caller.user.id, action: 'guard.override', targetType: 'conversation', targetId: conversation.id, details: { ruleIds, reason } }, m);
      await m.getRepository(GuardEventEntity).insert({
      kind,
      storeId: conversation.storeId,
      conversationId: conversation.id,
      agentId: caller.user.id,
      ruleIds,
      violations,
      reason,
      messageId: null,
    });
    });
  }
}
