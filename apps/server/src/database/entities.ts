import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { ChannelEntity } from '../channel/channel.entity.js';
import { ConversationEntity } from '../conversation/conversation.entity.js';
import { CustomerEntity } from '../customer/customer.entity.js';
import { MessageEntity } from '../message/message.entity.js';
import { SlaTimerEntity } from '../sla/sla-timer.entity.js';
import { StoreEntity } from '../store/store.entity.js';
import { UserEntity } from '../user/user.entity.js';
import { OrderEntity } from '../order/order.entity.js';
import { SupplierCaseEntity } from '../ticket/supplier-case.entity.js';
import { TicketEventEntity } from '../ticket/ticket-event.entity.js';
import { TicketEntity } from '../ticket/ticket.entity.js';

export const ENTITIES = [StoreEntity, ChannelEntity, CustomerEntity, UserEntity, ConversationEntity, MessageEntity, AuditEventEntity, SlaTimerEntity, OrderEntity, TicketEntity, TicketEventEntity, SupplierCaseEntity];
