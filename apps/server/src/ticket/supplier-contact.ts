/**
 * A supplier case's `contact` is either a webhook, which the worker posts reminders to, or anything
 * else (an e-mail address, a phone number), recorded for the agent and never called. Whatever names
 * a scheme (`gopher://…`, `http:127.0.0.1`) counts as a webhook, so it is checked, not ignored.
 */
export const contactWebhook = (contact: string | null | undefined): string | null => (contact && /^([a-z][a-z0-9+.-]*:\/\/|https?:)/i.test(contact) ? contact : null);
