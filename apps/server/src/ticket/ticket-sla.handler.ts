import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import type { SlaTimerEntity } from '../sla/sla-timer.entity.js';
import { SlaSubjects, type SlaSubjectHandler, type SlaSubjectRef } from '../sla/sla-subjects.js';
import { toTicketDto } from './ticket.dto.js';
import { TicketEventEntity } from './ticket-event.entity.js';
import { TicketEntity } from './ticket.entity.js';

/** The ticket's side of its resolution clock: the breach flag, the timeline line and the live update. */
@Injectable()
export class TicketSlaHandler implements SlaSubjectHandler, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly subjects: SlaSubjects,
    private readonly events: EventPublisher,
  ) {}

  onModuleInit(): void {
    this.subjects.register('ticket', this);
  }

  async find(m: EntityManager, id: string, lock: boolean): Promise<SlaSubjectRef | null> {
    const [row]: { conversation_id: string; assignee_id: string | null }[] = await m.query(`SELECT conversation_id, assignee_id FROM tickets WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row ? { conversationId: row.conversation_id, assigneeId: row.assignee_id, accountableId: null } : null;
  }

  async breached(m: EntityManager, timer: SlaTimerEntity, at: Date) {
    const ticketId = timer.ticketId!;
    await m.getRepository(TicketEntity).update({ id: ticketId }, { resolutionBreachedAt: at });
    await m.getRepository(TicketEventEntity).insert({ ticketId, at, actorId: null, kind: 'resolution_breached', fromStatus: null, toStatus: null, details: { dueAt: timer.dueAt?.toISOString() ?? null } as never });
    return async () => {
      const ticket = await this.db.getRepository(TicketEntity).findOneBy({ id: ticketId });
      if (ticket) this.events.toStore('ticket.updated', toTicketDto(ticket));
    };
  }

  /** The ticket's transition clears its own due date in the same step. */
  async met(): Promise<void> {}
}
