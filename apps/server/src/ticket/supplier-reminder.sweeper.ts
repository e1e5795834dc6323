import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { entityFromRow } from '../database/entity-from-row.util.js';
import { PeriodicTask } from '../common/periodic-task.js';
import { OutboundHttp } from '../outbound/outbound-http.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { SupplierCaseEntity } from './supplier-case.entity.js';
import { contactWebhook } from './supplier-contact.js';
import { ticketNumber, toTicketDto } from './ticket.dto.js';
import { TicketEventEntity } from './ticket-event.entity.js';
import { TicketEntity } from './ticket.entity.js';

/**
 * Worker: chases suppliers. Every SUPPLIER_SWEEP_MS it claims the unanswered cases whose reminder
 * is due (one conditional UPDATE, so two workers never send the same reminder), moves each to its
 * next reminder, records it on the ticket's timeline and, when the contact is a webhook, posts it.
 */
@Injectable()
export class SupplierReminderSweeper extends PeriodicTask {
  protected readonly logger = new Logger(SupplierReminderSweeper.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: EventPublisher,
    private readonly outbound: OutboundHttp,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.config.supplierSweepMs;
  }

  protected override runAtStart(): boolean {
    return true;
  }

  protected async runOnce(): Promise<void> {
    const now = new Date();
    const [rows] = await this.db.query(
      `UPDATE supplier_cases SET reminders_sent = reminders_sent + 1, last_reminder_at = $1,
              next_reminder_at = $1 + make_interval(hours => reminder_interval_hours)
       WHERE id IN (SELECT id FROM supplier_cases WHERE answered_at IS NULL AND next_reminder_at <= $1
                    ORDER BY next_reminder_at LIMIT 200 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [now],
    );
    for (const row of rows ?? []) await this.remind(entityFromRow<SupplierCaseEntity>(this.db.getMetadata(SupplierCaseEntity), row), now);
  }

  private async remind(c: SupplierCaseEntity, at: Date): Promise<void> {
    const ticket = await this.db.getRepository(TicketEntity).findOneBy({ id: c.ticketId });
    if (!ticket) return;
    const overdue = at.getTime() >= c.dueAt.getTime();
    const hook = contactWebhook(c.contact);
    const sent = hook ? await this.post(hook, c, ticket) : null;
    await this.db.getRepository(TicketEventEntity).insert({
      ticketId: c.ticketId,
      at,
      actorId: null,
      kind: 'supplier_reminder',
      fromStatus: null,
      toStatus: null,
      details: { supplierCaseId: c.id, supplier: c.supplier, contact: c.contact, reminder: c.remindersSent, overdue, ...(sent !== null && { delivered: sent }) } as never,
    });
    this.events.toStore('ticket.updated', toTicketDto(ticket));
  }

  /**
   * A supplier portal or group bot: best effort; the next reminder comes anyway. The timeline says
   * only whether it was delivered: never the answer, nor why it failed (a refused address and a
   * closed port look the same).
   */
  private async post(url: string, c: SupplierCaseEntity, ticket: TicketEntity): Promise<boolean> {
    const text = `[Kefu Desk] ${ticketNumber(ticket.seq)}: ${c.remedy === 'replace' ? 'replacement' : 'compensation'} requested from ${c.supplier}, due ${c.dueAt.toISOString()} (reminder ${c.remindersSent})`;
    const res = await this.outbound.postJson(url, { msgtype: 'text', text: { content: text }, ticket: ticketNumber(ticket.seq), supplierCaseId: c.id, supplier: c.supplier, remedy: c.remedy, dueAt: c.dueAt.toISOString(), reminder: c.remindersSent });
    if (!res.sent) this.logger.warn(`supplier reminder of case ${c.id} not delivered: ${res.failure}${res.status ? ` ${res.status}` : ''}`);
    return res.sent;
  }
}
