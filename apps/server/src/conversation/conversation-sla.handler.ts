import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { entityFromRow } from '../database/entity-from-row.util.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import type { SlaTimerEntity } from '../sla/sla-timer.entity.js';
import { SlaSubjects, type SlaSubjectHandler, type SlaSubjectRef } from '../sla/sla-subjects.js';
import { ConversationHooks } from './conversation-hooks.js';
import { toConversationDto } from './conversation.dto.js';
import { ConversationEntity } from './conversation.entity.js';

/** The conversation's side of its response clocks: its countdown and breach flag, and the live update. */
@Injectable()
export class ConversationSlaHandler implements SlaSubjectHandler, OnModuleInit {
  constructor(
    private readonly subjects: SlaSubjects,
    private readonly events: EventPublisher,
    private readonly hooks: ConversationHooks,
  ) {}

  onModuleInit(): void {
    this.subjects.register('conversation', this);
  }

  async find(m: EntityManager, id: string, lock: boolean): Promise<SlaSubjectRef | null> {
    const [row]: { assignee_id: string | null }[] = await m.query(`SELECT assignee_id FROM conversations WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row ? { conversationId: id, assigneeId: row.assignee_id, accountableId: row.assignee_id } : null;
  }

  async breached(m: EntityManager, timer: SlaTimerEntity, at: Date) {
    const [rows] = await m.query(`UPDATE conversations SET sla_breached_at = $2, sla_due_at = NULL, sla_warn_at = NULL WHERE id = $1 RETURNING *`, [timer.conversationId, at]);
    if (!rows?.[0]) return;
    const conv = entityFromRow<ConversationEntity>(m.connection.getMetadata(ConversationEntity), rows[0]);
    return async () => {
      this.events.toStore('conversation.updated', toConversationDto(conv));
      await this.hooks.breached(conv);
    };
  }

  async met(m: EntityManager, id: string): Promise<void> {
    await m.getRepository(ConversationEntity).update({ id }, { slaDueAt: null, slaWarnAt: null, slaBreachedAt: null });
  }
}
