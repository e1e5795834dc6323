import { z } from 'zod';
import { displayName, secret, text } from './input.js';
import { Language, Presence, Role } from './domain.js';


/** The name of the httpOnly cookie that carries the refresh token (sent to /api/auth only). */
export const REFRESH_COOKIE = 'kefu_refresh';
export const LoginInput = z.object({
  email: z.email().max(200),
  password: secret().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

const storeIds = z.array(z.uuid()).max(500);

const newPassword = () => secret().min(8, 'must be at least 8 characters').max(200);

export const CreateUserInput = z.object({
  email: z.email().max(200),
  name: displayName().trim().min(1).max(120),
  /** Without one the user cannot sign in until they set theirs through an invitation link. */
  password: newPassword().optional(),
  role: Role,
  storeIds: storeIds.default([]),
  languages: z.array(Language).min(1).default(['zh']),
  maxConcurrent: z.number().int().min(1).max(100).default(8),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.object({
  name: displayName().trim().min(1).max(120).optional(),
  password: newPassword().optional(),
  role: Role.optional(),
  storeIds: storeIds.optional(),
  languages: z.array(Language).min(1).optional(),
  maxConcurrent: z.number().int().min(1).max(100).optional(),
  active: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const User = z.object({
  id: text(),
  email: text(),
  name: text(),
  role: Role,
  storeIds: z.array(text()),
  languages: z.array(Language),
  maxConcurrent: z.number(),
  presence: Presence,
  /** What the agent chose (available / away); `presence` adds whether they are connected. */
  status: z.enum(['available', 'away']),
  active: z.boolean(),
});
export type User = z.infer<typeof User>;

/** `POST /api/auth/login`; the refresh token comes in the httpOnly `kefu_refresh` cookie, never in the body. */
export const LoginResult = z.object({ accessToken: text(), user: User });
export type LoginResult = z.infer<typeof LoginResult>;
/** `POST /api/auth/refresh` (with the refresh cookie; answers a new one): the same as a login. */
export const RefreshResult = LoginResult;
export type RefreshResult = LoginResult;

/** What an agent sets; online/offline follows their console connection. */
export const AgentStatus = z.enum(['available', 'away']);
export type AgentStatus = z.infer<typeof AgentStatus>;
export const SetStatusInput = z.object({ status: AgentStatus });
export type SetStatusInput = z.infer<typeof SetStatusInput>;

/** Moves every open conversation of an agent to another agent, or back to the queue (`null`). */
export const BulkReassignInput = z.object({ toUserId: z.uuid().nullable() });
export type BulkReassignInput = z.infer<typeof BulkReassignInput>;
export const BulkReassignResult = z.object({ moved: z.array(text()) });
export type BulkReassignResult = z.infer<typeof BulkReassignResult>;

/** `agent.presence`: an agent came online, went away or offline. */
export const AgentPresenceEvent = z.object({ userId: text(), name: text(), presence: Presence, storeIds: z.array(text()) });
export type AgentPresenceEvent = z.infer<typeof AgentPresenceEvent>;

/** `GET /api/presence` rows: agents with their presence and open load (supervisors). */
export const AgentWithLoad = User.extend({ openConversations: z.number() });
export type AgentWithLoad = z.infer<typeof AgentWithLoad>;

/** Longest life of an invitation link: a week. */
export const MAX_INVITATION_HOURS = 7 * 24;

/** `POST /api/users/:id/invitation`: a one-time link for the user to set their password (a newer one revokes the older). */
export const CreateInvitationInput = z.object({
  ttlHours: z.number().int().min(1).max(MAX_INVITATION_HOURS, `must be at most ${MAX_INVITATION_HOURS} hours (7 days)`).default(72),
});
export type CreateInvitationInput = z.infer<typeof CreateInvitationInput>;

/** The invitation as issued: its token is shown this once (only its hash is kept); `path` is the console's address for it. */
export const InvitationIssued = z.object({ userId: text(), token: text(), path: text(), expiresAt: text() });
export type InvitationIssued = z.infer<typeof InvitationIssued>;

/** An invitation token: 43 base64url characters (256 random bits). */
const invitationToken = () => text().regex(/^[\w-]{43}$/, 'is not an invitation token');

/** `POST /api/invitations/lookup {token}` (no sign-in; the token in the body, never in a logged URL). */
export const InvitationLookupInput = z.object({ token: invitationToken() });
export type InvitationLookupInput = z.infer<typeof InvitationLookupInput>;

/** Whom an invitation link is for. */
export const InvitationInfo = z.object({ email: text(), name: text(), expiresAt: text() });
export type InvitationInfo = z.infer<typeof InvitationInfo>;

/** `POST /api/invitations/accept {token, password}` (no sign-in): the user's own password; the link then works no more. */
export const AcceptInvitationInput = z.object({ token: invitationToken(), password: newPassword() });
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>;

/** The console's address of an invitation link (before sign-in). */
export const invitationPath = (token: string): string => `#/invite/${token}`;
