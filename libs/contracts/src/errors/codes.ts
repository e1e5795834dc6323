// The `code` of every error answer, one set per module. Codes are the contract: clients switch on
// them (never on the message or the body's shape), so a value once shipped never changes.

/** Errors any route can answer. */
export const CommonErrorCode = {
  /** 400: bad input; `fields` names each bad field. */
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  /** 4xx the desk has no closer code for (the status says which). */
  BAD_REQUEST: 'BAD_REQUEST',
  /** 403: the caller's role or stores do not allow it. */
  FORBIDDEN: 'FORBIDDEN',
  /** 404: no such resource, or one outside the caller's stores (existence does not leak). */
  NOT_FOUND: 'NOT_FOUND',
  /** 409: a row with the same unique key exists (when the route names no closer code). */
  CONFLICT: 'CONFLICT',
  /** 413: the body is larger than the desk accepts. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** 429: too many requests; `Retry-After` says when to try again. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** 500: a fault of the desk (logged). */
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  /** 503 with `Retry-After`: PostgreSQL is unreachable; retry shortly. */
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /** 503 with `Retry-After`: Redis is unreachable; retry shortly. */
  REDIS_UNAVAILABLE: 'REDIS_UNAVAILABLE',
  /** 503 with `Retry-After`: a webhook shed because the desk is at capacity (nothing stored); send it again. */
  DESK_SATURATED: 'DESK_SATURATED',
} as const;

export const AuthErrorCode = {
  /** 401: no bearer token. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** 401: the token is invalid, expired or revoked: refresh the session. */
  TOKEN_INVALID: 'TOKEN_INVALID',
  /** 401: wrong e-mail or password (which one is not said). */
  BAD_CREDENTIALS: 'BAD_CREDENTIALS',
  /** 401: the refresh token is missing, used or expired: log in again. */
  SESSION_EXPIRED: 'SESSION_EXPIRED',
  /** 429: too many failed logins for this account or address; `Retry-After` says when. */
  LOGIN_THROTTLED: 'LOGIN_THROTTLED',
} as const;

export const ChannelErrorCode = {
  /** 401: `X-Kefu-Signature` is missing or does not match the body (nothing stored). */
  SIGNATURE_INVALID: 'SIGNATURE_INVALID',
  /** 410: the channel was disabled by an admin; its webhooks are refused (nothing stored). */
  CHANNEL_DISABLED: 'CHANNEL_DISABLED',
} as const;

export const ConversationErrorCode = {
  /** 409: another agent is assigned (`assigneeId`); reply with `takeover: true` to take it over. */
  CONVERSATION_TAKEN: 'CONVERSATION_TAKEN',
  /** 403: the caller's role reads conversations but does not write in them. */
  CONVERSATION_READ_ONLY: 'CONVERSATION_READ_ONLY',
  /** 403: agents assign conversations to themselves only. */
  ASSIGN_SELF_ONLY: 'ASSIGN_SELF_ONLY',
  /** 400: the customer already has another active conversation in this channel (`fields.status`). */
  CONVERSATION_ALREADY_ACTIVE: 'CONVERSATION_ALREADY_ACTIVE',
} as const;

export const TicketErrorCode = {
  /** 409: the ticket is not in a state where this action is possible; `allowed` lists what is. */
  TICKET_ACTION_NOT_ALLOWED: 'TICKET_ACTION_NOT_ALLOWED',
  /** 409: the store's policy refuses the ticket (`policyDecision`); approve with `override.reason`. */
  TICKET_POLICY_REFUSED: 'TICKET_POLICY_REFUSED',
  /** 409: an agent's override waits for a supervisor's approval (`policyOverride`). */
  TICKET_OVERRIDE_PENDING: 'TICKET_OVERRIDE_PENDING',
  /** 409: closing needs a confirmed root cause (`missing: ['cause']`). */
  TICKET_CAUSE_REQUIRED: 'TICKET_CAUSE_REQUIRED',
} as const;

export const UserErrorCode = {
  /** 409: another user has this e-mail (`fields.email`). */
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  /** 410: the invitation link was used, revoked or has expired, or its user was deactivated: ask for a new one. */
  INVITATION_GONE: 'INVITATION_GONE',
  /** 409: the desk is already set up (the first-run wizard runs once). */
  SETUP_DONE: 'SETUP_DONE',
} as const;

export const PrivacyErrorCode = {
  /** 429: the caller used up today's reveals of sealed personal data (`PII_REVEALS_PER_DAY`). */
  REVEAL_QUOTA_EXCEEDED: 'REVEAL_QUOTA_EXCEEDED',
} as const;

export const KbErrorCode = {
  /** 409: the article changed since the version the edit started from (`version`: the current one). */
  ARTICLE_VERSION_CONFLICT: 'ARTICLE_VERSION_CONFLICT',
  /** 409: the article already has this similar question (`id` when it is an accepted one). */
  QUESTION_EXISTS: 'QUESTION_EXISTS',
  /** 400: the store already has a quick reply with this shortcut (`fields.shortcut`). */
  SHORTCUT_TAKEN: 'SHORTCUT_TAKEN',
} as const;

export const GuardErrorCode = {
  /** 422: the reply breaks a `block` rule of the reply guard (nothing stored). */
  REPLY_BLOCKED: 'REPLY_BLOCKED',
  /** 422: the reply breaks `warn` rules only: send again with `confirm: {reason}`. */
  REPLY_NEEDS_CONFIRMATION: 'REPLY_NEEDS_CONFIRMATION',
} as const;

export const BillingErrorCode = {
  /** 404: the store (which the caller may see) has no contract with the agency yet. */
  CONTRACT_NOT_SET: 'CONTRACT_NOT_SET',
} as const;

type ValueOf<T> = T[keyof T];
export type CommonErrorCode = ValueOf<typeof CommonErrorCode>;
export type AuthErrorCode = ValueOf<typeof AuthErrorCode>;
export type ChannelErrorCode = ValueOf<typeof ChannelErrorCode>;
export type ConversationErrorCode = ValueOf<typeof ConversationErrorCode>;
export type TicketErrorCode = ValueOf<typeof TicketErrorCode>;
export type UserErrorCode = ValueOf<typeof UserErrorCode>;
export type KbErrorCode = ValueOf<typeof KbErrorCode>;
export type GuardErrorCode = ValueOf<typeof GuardErrorCode>;
export type PrivacyErrorCode = ValueOf<typeof PrivacyErrorCode>;
export type BillingErrorCode = ValueOf<typeof BillingErrorCode>;

/** Every module's codes, by module (a code belongs to exactly one). */
export const ERROR_CODES_BY_MODULE = {
  common: CommonErrorCode,
  auth: AuthErrorCode,
  channel: ChannelErrorCode,
  conversation: ConversationErrorCode,
  ticket: TicketErrorCode,
  user: UserErrorCode,
  kb: KbErrorCode,
  guard: GuardErrorCode,
  privacy: PrivacyErrorCode,
  billing: BillingErrorCode,
} as const;

export type ErrorCode = CommonErrorCode | AuthErrorCode | ChannelErrorCode | ConversationErrorCode | TicketErrorCode | UserErrorCode | KbErrorCode | GuardErrorCode | PrivacyErrorCode | BillingErrorCode;

export const ERROR_CODES = Object.values(ERROR_CODES_BY_MODULE).flatMap((codes) => Object.values(codes)) as [ErrorCode, ...ErrorCode[]];
