import { describe, expect, it } from '@jest/globals';
import { per1000, replyGuardFigures } from './report-reply-guard.js';

describe("a report's reply guard figures", () => {
  it('counts blocked attempts and overrides per 1,000 replies sent or refused', () => {
    // 5 replies sent (2 of them overrides) and 1 refused: 3 violations in 6 attempts.
    expect(per1000({ replies: 5, blocked: 1, overrides: 2 })).toBe(500);
    expect(per1000({ replies: 2, blocked: 1, overrides: 0 })).toBe(333.3);
    expect(per1000({ replies: 0, blocked: 0, overrides: 0 })).toBeNull();
  });

  it('sums the rows before dividing, and compares with the period before', () => {
    const figures = replyGuardFigures(
      [
        { replies: 1, blocked: 1, overrides: 0 },
        { replies: 9, blocked: 0, overrides: 0 },
      ],
      [{ replies: 4, blocked: 0, overrides: 0 }],
    );
    // 1 violation in 11 attempts (an average of the rows' rates would say 250).
    expect(figures).toEqual({ replies: 10, blocked: 1, overrides: 0, per1000: 90.9, previousPer1000: 0 });
    expect(replyGuardFigures([], []).previousPer1000).toBeNull();
  });
});
