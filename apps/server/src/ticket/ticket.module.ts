import { Module } from '@nestjs/common';
import { ClassifierModule } from '../classifier/classifier.module.js';
import { ConversationModule } from '../conversation/conversation.module.js';
import { OrderModule } from '../order/order.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { SupplierReminderSweeper } from './supplier-reminder.sweeper.js';
import { TicketEffects } from './ticket-effects.js';
import { TicketSlaHandler } from './ticket-sla.handler.js';
import { TicketTransitionService } from './ticket-transition.service.js';
import { TicketController } from './ticket.controller.js';
import { TicketService } from './ticket.service.js';

/** Runs in: api. Owns `tickets`, `ticket_events`, `supplier_cases`: after-sales tickets, their transitions and resolution clock. */
@Module({
  imports: [ConversationModule, OrderModule, SlaModule, ClassifierModule],
  controllers: [TicketController],
  providers: [TicketService, TicketTransitionService, TicketEffects, TicketSlaHandler],
  exports: [TicketService],
})
export class TicketModule {}

/** Runs in: worker. Resolution breaches of tickets (the SLA handler) and supplier reminders. */
@Module({ imports: [SlaModule], providers: [TicketSlaHandler, SupplierReminderSweeper] })
export class TicketWorkerModule {}
