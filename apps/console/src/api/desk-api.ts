import { z } from 'zod';
import {
  RevealResult,
  type RevealInput,
  type AnalyticsTicketsQuery,
  AgentWithLoad,
  CauseBreakdown,
  type CauseBreakdownQuery,
  ClientReport,
  ClientReportSummary,
  ConversionReport,
  CsatReport,
  type ListReportsQuery,
  type ReportPeriod,
  type ServiceQualityQuery,
  AssignInput,
  type AgentStatus,
  type BulkReassignInput,
  BulkReassignResult,
  Conversation,
  ConversationDetail,
  type ConversationFilter,
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
  ResponseRate,
  type ResponseRateQuery,
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
  KbArticle,
  KbArticleSaved,
  KbArticleVersion,
  type KbFeedbackInput,
  KbFeedback,
  KbSearchResult,
  type KbStatsQuery,
  KbStats,
  KbSuggestResult,
  type KbUsageInput,
  KbUsage,
  type CreateKbArticleInput,
  type UpdateKbArticleInput,
  type ListKbArticlesQuery,
  type ListQuickRepliesQuery,
  QuickReply,
  QuickReplySaved,
  type CreateQuickReplyInput,
  type UpdateQuickReplyInput,
  page,
  KbArticleQuestion,
  KbQuestionWithArticle,
  type CreateKbQuestionInput,
  type UpdateKbQuestionInput,
  type ListKbQuestionsQuery,
} from '@kefu/contracts';
import { request, requestFile } from './client';

const StorePage = page(Store);
const ConversationPage = page(Conversation);
const UserPage = page(User);
const SlaTimerPage = page(SlaBoardTimer);
const AgentPage = page(AgentWithLoad);
const OrderPage = page(Order);
const TicketPage = page(Ticket);
const ReportPage = page(ClientReportSummary);
const KbArticlePage = page(KbArticle);
const KbVersionPage = page(KbArticleVersion);
const QuickReplyPage = page(QuickReply);
const KbArticleQuestionPage = page(KbArticleQuestion);
const KbQuestionPage = page(KbQuestionWithArticle);

/** Query of the inbox: the contract's filter with optional paging. */
export type ConversationQuery = ConversationFilter & Pick<z.input<typeof ListConversationsQuery>, 'cursor'> & { limit?: number };

/** Query of the SLA board's timer lists, as the contract accepts it (limit optional). */
export type SlaTimersQuery = Omit<z.input<typeof ListSlaTimersQuery>, 'limit'> & { limit?: number };

/** Query of the platforms' response rate (groupBy optional: by store). */
export type ResponseRateParams = z.input<typeof ResponseRateQuery>;

/** Query of the ticket list, as the contract accepts it (`status` comma-separated, limit optional). */
export type TicketsQuery = Omit<z.input<typeof ListTicketsQuery>, 'limit'> & { limit?: number };

/** Queries of the analysts' desk, as the contracts accept them (defaults optional). */
export type CausesQuery = Omit<z.input<typeof CauseBreakdownQuery>, 'limit'> & { limit?: number };
export type DrillQuery = Omit<z.input<typeof AnalyticsTicketsQuery>, 'limit'> & { limit?: number };
export type QualityQuery = Omit<z.input<typeof ServiceQualityQuery>, 'groupBy'> & { groupBy?: 'store' | 'agent' | 'day' };
export type ReportsQuery = Omit<z.input<typeof ListReportsQuery>, 'limit'> & { limit?: number };

/** Queries of the knowledge base, as the contracts accept them (defaults optional). */
export type KbArticlesQuery = Omit<z.input<typeof ListKbArticlesQuery>, 'limit'> & { limit?: number };
export type QuickRepliesQuery = Omit<z.input<typeof ListQuickRepliesQuery>, 'limit'> & { limit?: number };
export type KbQuestionsQuery = Omit<z.input<typeof ListKbQuestionsQuery>, 'limit'> & { limit?: number };
export type KbStatsParams = Omit<z.input<typeof KbStatsQuery>, 'limit'> & { limit?: number };

const conversationPath = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;
const ticketPath = (id: string) => `/api/tickets/${encodeURIComponent(id)}`;
const kbArticlePath = (id: string) => `/api/kb/articles/${encodeURIComponent(id)}`;
const kbQuestionPath = (id: string) => `/api/kb/questions/${encodeURIComponent(id)}`;
const quickReplyPath = (id: string) => `/api/kb/quick-replies/${encodeURIComponent(id)}`;

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
  /** The platforms' response rate (each store's responseRule) over waits started in a period, by store, agent or day. */
  responseRate: (query: ResponseRateParams, signal?: AbortSignal) => request('/api/sla/response-rate', ResponseRate, { query: { ...query }, signal }),
  /** The conversation's linked order first, then the customer's other recent orders. */
  orders: (conversationId: string, signal?: AbortSignal) => request(`${conversationPath(conversationId)}/orders`, OrderPage, { signal }),
  /** A receiver in clear, for a stated purpose (audited, a daily quota). */
  revealReceiver: (customerId: string, input: RevealInput) => request(`/api/customers/${encodeURIComponent(customerId)}/reveal`, RevealResult, { method: 'POST', body: input }),
  /** A ticket prefilled from the order and the customer's words, with the policy decision it would get (not stored). */
  ticketDraft: (conversationId: string, type: TicketType | undefined, orderRef: string | undefined, signal?: AbortSignal) =>
    request('/api/tickets/draft', TicketDraft, { query: { conversationId, type, orderRef }, signal }),
  createTicket: (input: CreateTicketInput) => request('/api/tickets', Ticket, { method: 'POST', body: input }),
  tickets: (query: TicketsQuery, signal?: AbortSignal) => request('/api/tickets', TicketPage, { query: { ...query }, signal }),
  ticket: (id: string, signal?: AbortSignal) => request(ticketPath(id), TicketDetail, { signal }),
  transition: (id: string, input: TransitionInput) => request(`${ticketPath(id)}/transitions`, Ticket, { method: 'POST', body: input }),
  setCause: (id: string, cause: CauseCode) => request(`${ticketPath(id)}/cause`, Ticket, { method: 'POST', body: { cause } satisfies SetCauseInput }),

  // The analysts' desk and the client reports.
  causes: (query: CausesQuery, signal?: AbortSignal) => request('/api/analytics/causes', CauseBreakdown, { query: { ...query }, signal }),
  causesCsv: (query: CausesQuery) => requestFile('/api/analytics/causes.csv', { query: { ...query } }),
  /** The tickets behind one figure of the breakdown. */
  analyticsTickets: (query: DrillQuery, signal?: AbortSignal) => request('/api/analytics/tickets', TicketPage, { query: { ...query }, signal }),
  analyticsTicketsCsv: (query: Omit<DrillQuery, 'limit' | 'cursor'>) => requestFile('/api/analytics/tickets.csv', { query: { ...query } }),
  csat: (query: QualityQuery, signal?: AbortSignal) => request('/api/analytics/csat', CsatReport, { query: { ...query }, signal }),
  conversion: (query: QualityQuery, signal?: AbortSignal) => request('/api/analytics/conversion', ConversionReport, { query: { ...query }, signal }),
  reports: (query: ReportsQuery, signal?: AbortSignal) => request('/api/reports', ReportPage, { query: { ...query }, signal }),
  report: (id: string, signal?: AbortSignal) => request(`/api/reports/${encodeURIComponent(id)}`, ClientReport, { signal }),
  /** In the reader's language: headers and codes in Chinese for the Chinese console. */
  reportCsv: (id: string, uiLanguage: string) => requestFile(`/api/reports/${encodeURIComponent(id)}/csv?lang=${uiLanguage.startsWith('zh') ? 'zh' : 'en'}`),
  /** Makes (or makes again) a store's report of the period holding `date` (default: the last complete one). */
  generateReport: (storeId: string, period: ReportPeriod, date?: string) =>
    request(`/api/reports/stores/${encodeURIComponent(storeId)}/generate`, ClientReport, { method: 'POST', query: { period, date } }),

  // The FAQ knowledge base: suggestions and quick replies for the composer, the articles for leads.
  kbSuggest: (conversationId: string, signal?: AbortSignal) => request('/api/kb/suggest', KbSuggestResult, { query: { conversationId }, signal }),
  kbSearch: (query: { q: string; storeId?: string; lang?: string; limit?: number }, signal?: AbortSignal) =>
    request('/api/kb/search', KbSearchResult, { query: { ...query }, signal }),
  /** Records that an article went into the reply `messageId`. */
  kbUsage: (articleId: string, input: KbUsageInput) => request(`${kbArticlePath(articleId)}/usage`, KbUsage, { method: 'POST', body: input }),
  kbFeedback: (articleId: string, input: KbFeedbackInput) => request(`${kbArticlePath(articleId)}/feedback`, KbFeedback, { method: 'POST', body: input }),
  kbArticles: (query: KbArticlesQuery, signal?: AbortSignal) => request('/api/kb/articles', KbArticlePage, { query: { ...query }, signal }),
  kbArticle: (id: string, signal?: AbortSignal) => request(kbArticlePath(id), KbArticle, { signal }),
  createKbArticle: (input: z.input<typeof CreateKbArticleInput>) => request('/api/kb/articles', KbArticleSaved, { method: 'POST', body: input }),
  updateKbArticle: (id: string, input: UpdateKbArticleInput) => request(kbArticlePath(id), KbArticleSaved, { method: 'PATCH', body: input }),
  deleteKbArticle: (id: string) => request(kbArticlePath(id), z.unknown(), { method: 'DELETE' }),
  kbVersions: (id: string, signal?: AbortSignal) => request(`${kbArticlePath(id)}/versions`, KbVersionPage, { query: { limit: 50 }, signal }),
  kbStats: (query: KbStatsParams, signal?: AbortSignal) => request('/api/kb/stats', KbStats, { query: { ...query }, signal }),
  quickReplies: (query: QuickRepliesQuery, signal?: AbortSignal) => request('/api/kb/quick-replies', QuickReplyPage, { query: { ...query }, signal }),
  createQuickReply: (input: z.input<typeof CreateQuickReplyInput>) => request('/api/kb/quick-replies', QuickReplySaved, { method: 'POST', body: input }),
  updateQuickReply: (id: string, input: z.input<typeof UpdateQuickReplyInput>) => request(quickReplyPath(id), QuickReplySaved, { method: 'PATCH', body: input }),
  deleteQuickReply: (id: string) => request(quickReplyPath(id), z.unknown(), { method: 'DELETE' }),
  // Similar questions (相似问法) of articles and the proposals waiting for a supervisor.
  kbArticleQuestions: (articleId: string) => request(`${kbArticlePath(articleId)}/questions`, KbArticleQuestionPage, { query: { limit: 200 } }),
  createKbQuestion: (articleId: string, input: CreateKbQuestionInput) => request(`${kbArticlePath(articleId)}/questions`, KbArticleQuestion, { method: 'POST', body: input }),
  kbQuestions: (query: KbQuestionsQuery) => request('/api/kb/questions', KbQuestionPage, { query: { ...query } }),
  updateKbQuestion: (id: string, input: UpdateKbQuestionInput) => request(kbQuestionPath(id), KbQuestionWithArticle, { method: 'PATCH', body: input }),
  deleteKbQuestion: (id: string) => request(kbQuestionPath(id), z.unknown(), { method: 'DELETE' }),
};
