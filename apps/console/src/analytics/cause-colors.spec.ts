import { describe, expect, it } from '@jest/globals';
import { CAUSE_CODES } from '@kefu/contracts';
import { CAUSE_COLORS, UNCLASSIFIED_COLOR, causeColor, contrast } from './cause-colors';

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
/** A rough perceptual distance (the "redmean" approximation), 0..~765. */
function distance(a: string, b: string): number {
  const [r1, g1, b1] = rgb(a);
  const [r2, g2, b2] = rgb(b);
  const rm = (r1 + r2) / 2;
  return Math.sqrt((2 + rm / 256) * (r1 - r2) ** 2 + 4 * (g1 - g2) ** 2 + (2 + (255 - rm) / 256) * (b1 - b2) ** 2);
}

describe('cause colours', () => {
  it('give every cause of the taxonomy its own colour', () => {
    expect(Object.keys(CAUSE_COLORS).sort()).toEqual([...CAUSE_CODES].sort());
    const all = [...CAUSE_CODES.map(causeColor), UNCLASSIFIED_COLOR];
    expect(new Set(all).size).toBe(all.length);
    for (const c of all) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('are the same wherever they are asked for', () => {
    for (const c of CAUSE_CODES) expect(causeColor(c)).toBe(CAUSE_COLORS[c]);
    expect(causeColor('none')).toBe(UNCLASSIFIED_COLOR);
  });

  it('stand out on white (≥ 3:1) and from each other', () => {
    for (const c of CAUSE_CODES) expect(contrast(CAUSE_COLORS[c], '#ffffff')).toBeGreaterThanOrEqual(3);
    const colors = CAUSE_CODES.map((c) => CAUSE_COLORS[c]);
    for (let i = 0; i < colors.length; i++) for (let j = i + 1; j < colors.length; j++) expect(distance(colors[i], colors[j])).toBeGreaterThan(60);
  });

  it('compute the WCAG contrast ratio', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
  });
});
