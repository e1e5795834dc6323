// Live events of namespace /desk (SPEC.md "Live events"). The names are the contract.
import type { Conversation, ConversationActivityEvent, ConversationsChangedEvent, Message, MessageCreatedEvent } from './conversation.js';
import type { AgentPresenceEvent } from './user.js';
import type { SlaBreachedEvent, SlaMetEvent, SlaNudgeEvent, SlaWarningEvent } from './sla.js';
import type { Ticket } from './ticket.js';
import type { KbQuestionUpdatedEvent, KbQuestionWithArticle } from './kb.js';
import type { ReportComment } from './report.js';
import type { RuleChangeAcknowledgedEvent, RuleChangePublishedEvent } from './guard.js';

export const DESK_NAMESPACE = '/desk';

export const DeskEvent = {
  ConversationCreated: 'conversation.created',
  ConversationUpdated: 'conversation.updated',
  MessageCreated: 'message.created',
  /** Others' conversations of a store that changed, batched, to the store's agents who do not work them. */
  ConversationsChanged: 'conversations.changed',
  MessageUpdated: 'message.updated',
  TicketCreated: 'ticket.created',
  TicketUpdated: 'ticket.updated',
  SlaWarning: 'sla.warning',
  SlaBreached: 'sla.breached',
  SlaMet: 'sla.met',
  /** A customer has waited one of the store's nudge instants (`responseRule.nudgeSeconds`): to the assignee and the leads. */
  SlaNudge: 'sla.nudge',
  AgentPresence: 'agent.presence',
  ConversationActivity: 'conversation.activity',
  /** A similar question was proposed for an article (or proposed again): the KB screen's list of proposals. */
  KbQuestionProposed: 'kb.question.proposed',
  /** A similar question was accepted, rejected, reworded or deleted (`status: 'deleted'`). */
  KbQuestionUpdated: 'kb.question.updated',
  /** Someone wrote in a client report's thread (the brand or the agency). */
  ReportCommented: 'report.commented',
  /** A platform rule change was published: agents of its stores must acknowledge it. */
  RuleChangePublished: 'rule_change.published',
  /** An agent acknowledged a rule change (to the leads). */
  RuleChangeAcknowledged: 'rule_change.acknowledged',
} as const;

/** Client → server events on /desk. */
export const DeskClientEvent = {
  /** `{conversationId, state: 'viewing' | 'typing' | 'left'}` */
  ConversationActivity: 'conversation.activity',
} as const;
export type DeskEventName = (typeof DeskEvent)[keyof typeof DeskEvent];

/** Server → client payloads. Each carries `storeId` at its top level. */
export interface DeskServerEvents {
  'conversation.created': (c: Conversation) => void;
  'conversation.updated': (c: Conversation) => void;
  'message.created': (m: MessageCreatedEvent) => void;
  'conversations.changed': (e: ConversationsChangedEvent) => void;
  /** Delivery status of an outbound message changed. */
  'message.updated': (m: Message) => void;
  'ticket.created': (t: Ticket) => void;
  'ticket.updated': (t: Ticket) => void;
  'sla.warning': (t: SlaWarningEvent) => void;
  'sla.breached': (t: SlaBreachedEvent) => void;
  'sla.met': (t: SlaMetEvent) => void;
  'sla.nudge': (n: SlaNudgeEvent) => void;
  'agent.presence': (p: AgentPresenceEvent) => void;
  'conversation.activity': (a: ConversationActivityEvent) => void;
  'kb.question.proposed': (q: KbQuestionWithArticle) => void;
  'kb.question.updated': (q: KbQuestionUpdatedEvent) => void;
  'report.commented': (c: ReportComment) => void;
  'rule_change.published': (c: RuleChangePublishedEvent) => void;
  'rule_change.acknowledged': (a: RuleChangeAcknowledgedEvent) => void;
}

/** Socket.io rooms: one per store, one per user, and the supervisors' and admins' (leads') rooms. */
export const rooms = {
  store: (storeId: string) => `store:${storeId}`,
  user: (userId: string) => `user:${userId}`,
  /** Callers whose scope is every store (unrestricted supervisors, analysts, admins). */
  allStores: 'stores:all',
  /** Leads of one store: told of the presence of that store's agents. */
  leadsOf: (storeId: string) => `leads:${storeId}`,
  /** Leads of every store. */
  allLeads: 'leads:all',
  /** The sockets that have one conversation open (announced with `conversation.activity`). */
  viewing: (conversationId: string) => `viewing:${conversationId}`,
  /** The brand's (client) users of one store: only what is meant for them (report comments), never the store's live traffic. */
  clientsOf: (storeId: string) => `clients:${storeId}`,
};
