import { z } from 'zod';
import { ChannelWithSecret, CreateChannelInput } from './channel.js';
import { displayName, text } from './input.js';
import { CreateStoreInput, Store } from './store.js';
import { CreateUserInput, InvitationIssued, User } from './user.js';

/** Largest agency logo: a data: URL of about 150 KB of image. */
export const MAX_LOGO_CHARS = 200_000;

/** The agency's logo on client reports: a PNG, JPEG or WebP as a data: URL (no SVG: it could carry script). */
export const AgencyLogo = text()
  .max(MAX_LOGO_CHARS, 'must be an image of at most about 150 KB')
  .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/, 'must be a PNG, JPEG or WebP image');

export const AgencyName = displayName().trim().min(1).max(120);

/** `GET /api/settings`: the desk's own settings; `setupRequired` while a new production desk awaits its first-run setup. */
export const DeskSettings = z.object({
  agencyName: text(),
  agencyLogo: text().nullable(),
  setupRequired: z.boolean(),
});
export type DeskSettings = z.infer<typeof DeskSettings>;

/** `PATCH /api/settings` (admins of every store). */
export const UpdateDeskSettingsInput = z.object({ agencyName: AgencyName.optional(), agencyLogo: AgencyLogo.nullable().optional() });
export type UpdateDeskSettingsInput = z.infer<typeof UpdateDeskSettingsInput>;

/**
 * `POST /api/setup`: the first run of a production desk in one step — the agency, its first store, that store's first
 * channel and first agent (without a password the answer carries an invitation link for them).
 */
export const SetupInput = z.object({
  agencyName: AgencyName,
  agencyLogo: AgencyLogo.nullable().optional(),
  store: CreateStoreInput,
  channel: CreateChannelInput,
  agent: CreateUserInput.pick({ email: true, name: true, password: true, languages: true, maxConcurrent: true }),
});
export type SetupInput = z.infer<typeof SetupInput>;

export const SetupResult = z.object({
  store: Store,
  channel: ChannelWithSecret,
  agent: User,
  invitation: InvitationIssued.nullable(),
});
export type SetupResult = z.infer<typeof SetupResult>;
