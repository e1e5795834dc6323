import type { ConversationDetail } from '@kefu/contracts';

/**
 * A conversation as the brand reads it: what the buyer and the agency's agents said to each other (masked by the
 * server); the agency's internal notes are not theirs to read.
 */
export function readableThread(detail: ConversationDetail): ConversationDetail {
  const messages = detail.messages.filter((m) => m.direction !== 'note');
  return messages.length === detail.messages.length ? detail : { ...detail, messages };
}
