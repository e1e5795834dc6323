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

  async find(m: EntityManager, ids: string[], lock: boolean): Promise<Map<string, SlaSubjectRef>> {
    const rows: { id: string; assignee_id: string | null }[] = await m.query(
      `SELECT id, assignee_id FROM conversations WHERE id = ANY($1) ORDER BY id${lock ? ' FOR UPDATE' : ''}`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { conversationId: r.id, assigneeId: r.assignee_id, accountableId: r.assignee_id }]));
  }

  async breached(m: EntityManager, timers: SlaTimerEntity[], at: Date) {
    const [rows]: [Record<string, unknown>[]] = await m.query(
      `UPDATE conversations SET sla_breached_at = $2, sla_due_at = NULL, sla_warn_at = NULL WHERE id = ANY($1) RETURNING *`,
      [timers.map((t) => t.conversationId), at],
    );
    const meta = m.connection.getMetadata(ConversationEntity);
    const convs = rows.map((row) => entityFromRow<ConversationEntity>(meta, row));
    return async () => {
      for (const conv of convs) this.events.toStore('conversation.updated', toConversationDto(conv));
      await this.hooks.breached(convs);
    };
  }

  async met(m: EntityManager, id: string): Promise<void> {
    await m.getRepository(ConversationEntity).update({ id }, { slaDueAt: null, slaWarnAt: null, slaBreachedAt: null });
  }
}
