import { z } from 'zod';
import {
  AgentWithLoad,
  AssignInput,
  type AgentStatus,
  type BulkReassignInput,
  BulkReassignResult,
  Conversation,
  ConversationDetail,
  ConversationStatus,
  type CreateTicketInput,
  ListConversationsQuery,
  type ListTicketsQuery,
  ListSlaTimersQuery,
  LoginInput,
  LoginResult,
  Message,
  Order,
  type PostMessageInput,
  type CauseCode,
  type SetCauseInput,
  type SetStatusInput,
  SlaBoardTimer,
  SlaSummary,
  SlaSummaryQuery,
  StatusInput,
  Store,
  Ticket,
  TicketDetail,
  TicketDraft,
  type TicketType,
  type TransitionInput,
  User,
  page,
} from '@kefu/contracts';
import { request } from './client';

const StorePage = page(Store);
const ConversationPage = page(Conversation);
const UserPage = page(User);
const SlaTimerPage = page(SlaBoardTimer);
const AgentPage = page(AgentWithLoad);
const OrderPage = page(Order);
const TicketPage = page(Ticket);

/** Query of the inbox, as the contract accepts it (limit and cursor optional). */
export type ConversationQuery = Omit<z.input<typeof ListConversationsQuery>, 'limit'> & { limit?: number };

/** Query of the SLA board's timer lists, as the contract accepts it (limit optional). */
export type SlaTimersQuery = Omit<z.input<typeof ListSlaTimersQuery>, 'limit'> & { limit?: number };

/** Query of the ticket list, as the contract accepts it (`status` comma-separated, limit optional). */
export type TicketsQuery = Omit<z.input<typeof ListTicketsQuery>, 'limit'> & { limit?: number };

const conversationPath = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;
const ticketPath = (id: string) => `/api/tickets/${encodeURIComponent(id)}`;

/** Every API call the console makes, each answer parsed with its contract schema. */
export const deskApi = {
  login: (input: LoginInput) => request('/api/auth/login', LoginResult, { method: 'POST', body: input, auth: false }),
  me: (signal?: AbortSignal) => request('/api/auth/me', User, { signal }),
  stores: (signal?: AbortSignal) => request('/api/stores', StorePage, { signal }),
  users: (storeId?: string, signal?: AbortSignal) => request('/api/users', UserPage, { query: { storeId }, signal }),
  conversations: (query: ConversationQuery, signal?: AbortSignal) =>
    request('/api/conversations', ConversationPage, { query: { ...query }, signal }),
  conversation: (id: string, signal?: AbortSignal) => request(conversationPath(id), ConversationDetail, { signal }),
  postMessage: (id: string, input: PostMessageInput) =>
    request(`${conversationPath(id)}/messages`, Message, { method: 'POST', body: input }),
  setStatus: (id: string, status: ConversationStatus) =>
    request(`${conversationPath(id)}/status`, Conversation, { method: 'POST', body: { status } satisfies StatusInput }),
  assign: (id: string, assigneeId: string | null) =>
    request(`${conversationPath(id)}/assign`, Conversation, { method: 'POST', body: { assigneeId } satisfies AssignInput }),
  /** Sets the caller's own status; the answer carries their presence now. */
  setPresence: (status: AgentStatus) => request('/api/presence', User, { method: 'POST', body: { status } satisfies SetStatusInput }),
  /** Agents in the caller's scope with presence and open load (supervisors, admins). */
  agentPresence: (signal?: AbortSignal) => request('/api/presence', AgentPage, { signal }),
  /** Moves every open conversation of an agent to another agent, or back to the queue (`null`). */
  reassignAll: (userId: string, toUserId: string | null) =>
    request(`/api/users/${encodeURIComponent(userId)}/reassign`, BulkReassignResult, { method: 'POST', body: { toUserId } satisfies BulkReassignInput }),
  slaTimers: (query: SlaTimersQuery, signal?: AbortSignal) => request('/api/sla/timers', SlaTimerPage, { query: { ...query }, signal }),
  slaSummary: (query: SlaSummaryQuery, signal?: AbortSignal) => request('/api/sla/summary', SlaSummary, { query: { ...query }, signal }),
  /** The conversation's linked order first, then the customer's other recent orders. */
  orders: (conversationId: string, signal?: AbortSignal) => request(`${conversationPath(conversationId)}/orders`, OrderPage, { signal }),
  /** A ticket prefilled from the order and the customer's words, with the policy decision it would get (not stored). */
  ticketDraft: (conversationId: string, type: TicketType | undefined, signal?: AbortSignal) =>
    request('/api/tickets/draft', TicketDraft, { query: { conversationId, type }, signal }),
  createTicket: (input: CreateTicketInput) => request('/api/tickets', Ticket, { method: 'POST', body: input }),
  tickets: (query: TicketsQuery, signal?: AbortSignal) => request('/api/tickets', TicketPage, { query: { ...query }, signal }),
  ticket: (id: string, signal?: AbortSignal) => request(ticketPath(id), TicketDetail, { signal }),
  transition: (id: string, input: TransitionInput) => request(`${ticketPath(id)}/transitions`, Ticket, { method: 'POST', body: input }),
  setCause: (id: string, cause: CauseCode) => request(`${ticketPath(id)}/cause`, Ticket, { method: 'POST', body: { cause } satisfies SetCauseInput }),
};
