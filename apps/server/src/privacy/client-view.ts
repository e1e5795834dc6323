import { maskPersonalText } from '../analytics/mask.util.js';
import { maskName } from './pii-mask.js';

// What a brand's `client` user gets of a buyer: the desk's answers pass through `maskForClient`, which masks
// every customer's name and external id and the personal data written in messages (phones, e-mails,
// addresses, introduced names: `maskPersonalText`).
// By field name, so that a new view with a customer or a message in it is masked without being told.

const TEXT_FIELDS = new Set(['body', 'text', 'lastMessagePreview', 'preview', 'customerName']);
const NAME_FIELDS = new Set(['customerName']);

function maskCustomer(c: Record<string, unknown>): Record<string, unknown> {
  return {
    ...c,
    ...(typeof c.name === 'string' && { name: maskName(c.name) }),
    ...(typeof c.externalId === 'string' && { externalId: maskName(c.externalId) }),
  };
}

export function maskForClient(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return NAME_FIELDS.has(key) ? maskName(value) : TEXT_FIELDS.has(key) ? maskPersonalText(value) : value;
  if (Array.isArray(value)) return value.map((v) => maskForClient(v, key));
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  const entries = Object.entries(key === 'customer' ? maskCustomer(value as Record<string, unknown>) : (value as Record<string, unknown>));
  return Object.fromEntries(entries.map(([k, v]) => [k, k === 'customer' ? maskForClient(v, 'customer') : maskForClient(v, k)]));
}
