import { describe, expect, it } from '@jest/globals';
import { guessTicketType } from './ticket-type-guess.js';

describe('guessTicketType', () => {
  it.each([
    ['鞋子小了,能换大一码吗', 'exchange'],
    ['收到的杯子是破损的', 'quality_complaint'],
    ['降价了能退差价吗', 'refund_only'],
    ['不想要了,七天无理由退货', 'return'],
    ['The kettle stopped working after two days', 'quality_complaint'],
    ['Can I exchange it for a larger size?', 'exchange'],
    ['I want to send it back', 'return'],
    ['你好', 'return'],
  ])('%s → %s', (text, type) => expect(guessTicketType(text)).toBe(type));
});
