import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
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

  async find(m: EntityManager, ids: string[], lock: boolean): Promise<Map<string, SlaSubjectRef>> {
    const rows: { id: string; conversation_id: string; assignee_id: string | null }[] = await m.query(
      `SELECT id, conversation_id, assignee_id FROM tickets WHERE id = ANY($1) ORDER BY id${lock ? ' FOR UPDATE' : ''}`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { conversationId: r.conversation_id, assigneeId: r.assignee_id, accountableId: null }]));
  }

  async breached(m: EntityManager, timers: SlaTimerEntity[], at: Date) {
    const ticketIds = timers.map((t) => t.ticketId!);
    await m.getRepository(TicketEntity).update({ id: In(ticketIds) }, { resolutionBreachedAt: at });
    await m.getRepository(TicketEventEntity).insert(
      timers.map((t) => ({ ticketId: t.ticketId!, at, actorId: null, kind: 'resolution_breached', fromStatus: null, toStatus: null, details: { dueAt: t.dueAt?.toISOString() ?? null } as never })),
    );
    return async () => {
      for (const ticket of await this.db.getRepository(TicketEntity).findBy({ id: In(ticketIds) })) this.events.toStore('ticket.updated', toTicketDto(ticket));
    };
  }

  /** The ticket's transition clears its own due date in the same step. */
  async met(): Promise<void> {}
}
