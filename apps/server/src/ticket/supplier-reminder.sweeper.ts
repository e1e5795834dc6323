import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobId, JobName } from '@kefu/contracts';
import { OutboundHttp } from '../outbound/outbound-http.js';
import { isFinalAttempt, OutboundWebhooks } from '../outbound/outbound-webhooks.js';
import { JobHandler, type JobOf } from '../queue/job-handler.decorator.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { SupplierCaseEntity } from './supplier-case.entity.js';
import { contactWebhook } from './supplier-contact.js';
import { ticketNumber, toTicketDto } from './ticket.dto.js';
import { TicketEventEntity } from './ticket-event.entity.js';
import { TicketEntity } from './ticket.entity.js';

/**
 * Worker: chases suppliers. A scheduled job (every SUPPLIER_SWEEP_MS, across all workers) claims
 * the unanswered cases whose reminder is due (one conditional UPDATE, so two sweeps never claim the
 * same reminder), moves each to its next reminder and queues the reminder on the retried outbound
 * webhook queue; that job posts it when the contact is a webhook and records it on the timeline.
 */
@Injectable()
export class SupplierReminderSweeper {
  private readonly logger = new Logger(SupplierReminderSweeper.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly outbound: OutboundHttp,
    private readonly webhooks: OutboundWebhooks,
  ) {}

  /** One sweep, now (the scheduled job; tests call it directly). */
  @JobHandler(JobName.SupplierReminders)
  async runOnce(): Promise<void> {
    const now = new Date();
    const [rows] = await this.db.query(
      `UPDATE supplier_cases SET reminders_sent = reminders_sent + 1, last_reminder_at = $1,
              next_reminder_at = $1 + make_interval(hours => reminder_interval_hours)
       WHERE id IN (SELECT id FROM supplier_cases WHERE answered_at IS NULL AND next_reminder_at <= $1
                    ORDER BY next_reminder_at LIMIT 200 FOR UPDATE SKIP LOCKED)
       RETURNING id, reminders_sent`,
      [now],
    );
    for (const row of (rows ?? []) as { id: string; reminders_sent: number }[])
      await this.webhooks.enqueue(JobName.SupplierReminder, { supplierCaseId: row.id, reminder: row.reminders_sent, at: now.toISOString() }, JobId.supplierReminder(row.id, row.reminders_sent));
  }

  /** One claimed reminder: posted (a failed post is tried again, the last try is recorded as not delivered), then on the timeline. */
  @JobHandler(JobName.SupplierReminder)
  async remind(job: JobOf<typeof JobName.SupplierReminder>): Promise<void> {
    const { supplierCaseId, reminder } = job.data;
    const at = new Date(job.data.at);
    const c = await this.db.getRepository(SupplierCaseEntity).findOneBy({ id: supplierCaseId });
    const ticket = c && (await this.db.getRepository(TicketEntity).findOneBy({ id: c.ticketId }));
    if (!c || !ticket) return;
    const hook = contactWebhook(c.contact);
    const sent = hook ? await this.post(hook, c, ticket, reminder, isFinalAttempt(job)) : null;
    const overdue = at.getTime() >= c.dueAt.getTime();
    await this.db.getRepository(TicketEventEntity).insert({
      ticketId: c.ticketId,
      at,
      actorId: null,
      kind: 'supplier_reminder',
      fromStatus: null,
      toStatus: null,
      details: { supplierCaseId: c.id, supplier: c.supplier, contact: c.contact, reminder, overdue, ...(sent !== null && { delivered: sent }) } as never,
    });
    this.events.toStore('ticket.updated', toTicketDto(ticket));
  }

  /**
   * A supplier portal or group bot. The timeline says only whether it was delivered: never the
   * answer, nor why it failed (a refused address and a closed port look the same). A failure other
   * than a refused address throws, to be tried again, until the last try.
   */
  private async post(url: string, c: SupplierCaseEntity, ticket: TicketEntity, reminder: number, finalAttempt: boolean): Promise<boolean> {
    const text = `[Kefu Desk] ${ticketNumber(ticket.seq)}: ${c.remedy === 'replace' ? 'replacement' : 'compensation'} requested from ${c.supplier}, due ${c.dueAt.toISOString()} (reminder ${reminder})`;
    const res = await this.outbound.postJson(url, { msgtype: 'text', text: { content: text }, ticket: ticketNumber(ticket.seq), supplierCaseId: c.id, supplier: c.supplier, remedy: c.remedy, dueAt: c.dueAt.toISOString(), reminder });
    if (res.sent) return true;
    const why = `supplier reminder of case ${c.id} not delivered: ${res.failure}${res.status ? ` ${res.status}` : ''}`;
    if (res.failure !== 'refused' && !finalAttempt) throw new Error(why);
    this.logger.warn(why);
    return false;
  }
}
