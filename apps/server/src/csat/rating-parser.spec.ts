import { describe, expect, it } from '@jest/globals';
import { parseRating } from './rating-parser.js';

describe('parseRating', () => {
  it.each([
    ['5', 5],
    ['１', 1],
    ['4分', 4],
    ['给5星!', 5],
    ['五星', 5],
    ['打三分', 3],
    ['⭐⭐⭐⭐', 4],
    ['非常满意', 5],
    ['非常满意!谢谢客服', 5],
    ['满意', 4],
    ['一般', 3],
    ['不满意', 2],
    ['非常不满意', 1],
    ['很不滿意', 1],
    ['Very satisfied', 5],
    ['satisfied', 4],
    ['ok', 3],
    ['dissatisfied', 2],
    ['very dissatisfied!', 1],
    ['5 stars', 5],
    ['3/5', 3],
  ])('%s → %i', (text, rating) => expect(parseRating(text)).toBe(rating));

  it.each([['我还有个问题,快递到哪了'], ['6'], ['0'], ['订单号 202611270012345'], ['12'], [''], ['when will my refund arrive? I am not satisfied with the delay at all, it has been two weeks']])('%s → not a rating', (text) => {
    expect(parseRating(text)).toBeNull();
  });
});
