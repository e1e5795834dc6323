import { maskName, maskPhone } from './pii-mask.js';

// What a brand's `client` user gets of a buyer: the desk's answers pass through `maskForClient`, which masks
// every customer's name and external id and the phone numbers and e-mail addresses written in messages.
// By field name, so that a new view with a customer or a message in it is masked without being told.

const TEXT_FIELDS = new Set(['body', 'text', 'lastMessagePreview', 'preview', 'customerName']);
const NAME_FIELDS = new Set(['customerName']);
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)/g;
const EMAIL = /\b([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b/g;

/** Phone numbers and e-mail addresses in a text, masked as every view masks them. */
export const maskContacts = (text: string): string => text.replace(MOBILE, (m) => maskPhone(m)).replace(EMAIL, (_, first: string, host: string) => `${first}***@${host}`);

function maskCustomer(c: Record<string, unknown>): Record<string, unknown> {
  return {
    ...c,
    ...(typeof c.name === 'string' && { name: maskName(c.name) }),
    ...(typeof c.externalId === 'string' && { externalId: maskName(c.externalId) }),
  };
}

export function maskForClient(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return NAME_FIELDS.has(key) ? maskName(value) : TEXT_FIELDS.has(key) ? maskContacts(value) : value;
  if (Array.isArray(value)) return value.map((v) => maskForClient(v, key));
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  const entries = Object.entries(key === 'customer' ? maskCustomer(value as Record<string, unknown>) : (value as Record<string, unknown>));
  return Object.fromEntries(entries.map(([k, v]) => [k, k === 'customer' ? maskForClient(v, 'customer') : maskForClient(v, k)]));
}
