import { maskName, maskPersonalText } from './pii-mask.js';

// What a brand's `client` user gets of a buyer: the desk's answers pass through `maskForClient`, which masks
// every customer's name and external id and the personal data written in any text (phones, e-mails,
// addresses, the customers' and introduced names: `maskPersonalText`), and leaves out the agency's notes.
// Every string is masked but the desk's own codes, ids, times and tokens (by field name), so that a new
// view with a buyer's words in it — a message, a ticket's reason, a timeline note — is masked without being told.

const NAME_FIELDS = new Set(['customerName']);
/** Fields that hold the desk's own values (ids, codes, times), never a buyer's words: left as they are. */
const OWN_VALUE = /^(id|ids|.+Ids?|.+At|.+Token|token|orderRef|sku|status|type|kind|code|cause|causeSource|direction|platform|lang|language|role|period|month|day|week|date|timezone|href|url)$/;

function maskCustomer(c: Record<string, unknown>): Record<string, unknown> {
  return {
    ...c,
    ...(typeof c.name === 'string' && { name: maskName(c.name) }),
    ...(typeof c.externalId === 'string' && { externalId: maskName(c.externalId) }),
  };
}

const isNote = (m: unknown) => !!m && typeof m === 'object' && (m as { direction?: unknown }).direction === 'note';

/** The names of the people an answer is about (a conversation's customer, a ticket's), masked wherever they are written. */
function namesIn(o: Record<string, unknown>, key: string): string[] {
  const customer = o.customer as { name?: unknown } | undefined;
  return [customer?.name, o.customerName, key === 'customer' ? o.name : undefined].filter((n): n is string => typeof n === 'string' && n.length > 0);
}

/**
 * `names`: the customers' names to mask wherever they are written (those of the customers the answer
 * is about, when the answer itself does not carry them: a ticket list names no customer).
 */
export function maskForClient(value: unknown, key = '', names: readonly string[] = []): unknown {
  if (typeof value === 'string') return NAME_FIELDS.has(key) ? maskName(value) : OWN_VALUE.test(key) ? value : maskPersonalText(value, names);
  // The agency's internal notes are its own.
  if (Array.isArray(value)) return (key === 'messages' ? value.filter((m) => !isNote(m)) : value).map((v) => maskForClient(v, key, names));
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  const o = value as Record<string, unknown>;
  const known = [...names, ...namesIn(o, key)];
  const entries = Object.entries(key === 'customer' ? maskCustomer(o) : o);
  return Object.fromEntries(entries.map(([k, v]) => [k, maskForClient(v, k, known)]));
}

/** The `customerId`s an answer mentions, at any depth: their names are masked in its texts. */
export function customerIdsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) customerIdsIn(v, into);
  else if (value && typeof value === 'object' && !(value instanceof Date))
    for (const [k, v] of Object.entries(value)) {
      if (k === 'customerId' && typeof v === 'string') into.add(v);
      else customerIdsIn(v, into);
    }
  return into;
}
