import { z } from 'zod';
import {
  AuditEvent,
  type AuditQuery,
  Channel,
  ChannelWithSecret,
  type CreateChannelInput,
  type CreateStoreInput,
  CreateUserInput as CreateUserInputSchema,
  DeskSettings,
  InvitationInfo,
  InvitationIssued,
  type RotateChannelSecretInput,
  type SetupInput,
  SetupResult,
  Store,
  type UpdateChannelInput,
  type UpdateDeskSettingsInput,
  type UpdateStoreInput,
  type UpdateUserInput,
  User,
  page,
} from '@kefu/contracts';
import { request } from '../api/client';

const StorePage = page(Store);
const ChannelPage = page(Channel);
const UserPage = page(User);
const AuditPage = page(AuditEvent);
const id = encodeURIComponent;

/** The admin screens' API calls, each answer parsed with its contract schema. */
export const adminApi = {
  stores: () => request('/api/stores', StorePage),
  store: (storeId: string) => request(`/api/stores/${id(storeId)}`, Store),
  createStore: (input: CreateStoreInput) => request('/api/stores', Store, { method: 'POST', body: input }),
  updateStore: (storeId: string, input: UpdateStoreInput) => request(`/api/stores/${id(storeId)}`, Store, { method: 'PATCH', body: input }),
  channels: (storeId: string) => request(`/api/stores/${id(storeId)}/channels`, ChannelPage),
  createChannel: (storeId: string, input: CreateChannelInput) => request(`/api/stores/${id(storeId)}/channels`, ChannelWithSecret, { method: 'POST', body: input }),
  updateChannel: (channelId: string, input: UpdateChannelInput) => request(`/api/channels/${id(channelId)}`, Channel, { method: 'PATCH', body: input }),
  rotateSecret: (channelId: string, input: RotateChannelSecretInput) => request(`/api/channels/${id(channelId)}/rotate-secret`, ChannelWithSecret, { method: 'POST', body: input }),
  users: () => request('/api/users', UserPage),
  createUser: (input: z.input<typeof CreateUserInputSchema>) => request('/api/users', User, { method: 'POST', body: input }),
  updateUser: (userId: string, input: UpdateUserInput) => request(`/api/users/${id(userId)}`, User, { method: 'PATCH', body: input }),
  invite: (userId: string, ttlHours?: number) => request(`/api/users/${id(userId)}/invitation`, InvitationIssued, { method: 'POST', body: ttlHours ? { ttlHours } : {} }),
  audit: (query: Partial<AuditQuery>) => request('/api/audit', AuditPage, { query: { ...query } }),
  settings: () => request('/api/settings', DeskSettings),
  updateSettings: (input: UpdateDeskSettingsInput) => request('/api/settings', DeskSettings, { method: 'PATCH', body: input }),
  setup: (input: SetupInput) => request('/api/setup', SetupResult, { method: 'POST', body: input }),
  invitation: (token: string) => request('/api/invitations/lookup', InvitationInfo, { method: 'POST', body: { token }, auth: false }),
  acceptInvitation: (token: string, password: string) => request('/api/invitations/accept', z.unknown(), { method: 'POST', body: { token, password }, auth: false }),
};

/** The full address of a channel's webhook on this desk. */
export const inboundUrl = (channel: Pick<Channel, 'inboundPath'>): string => `${window.location.origin}${channel.inboundPath}`;
/** The full address of an invitation link on this desk. */
export const invitationUrl = (path: string): string => `${window.location.origin}${window.location.pathname}${path}`;
