import { CAUSE_CODES, type CauseCode } from '@kefu/contracts';

/** A root cause, or `none` for tickets not classified yet. */
export type CauseKey = CauseCode | 'none';

/**
 * One colour per root cause, the same on every chart, legend, table and printed report. Each is
 * dark enough to stand on white (≥ 3:1) and far enough from the others to tell apart; tickets
 * without a cause are a quiet grey.
 */
export const CAUSE_COLORS: Readonly<Record<CauseCode, string>> = {
  product_quality: '#d93a49',
  not_as_described: '#dc6a12',
  wrong_or_missing_item: '#a87800',
  shipping_damage: '#8a4fc4',
  logistics_delay: '#2f6fde',
  size_fit: '#0c8a80',
  changed_mind: '#64748b',
  price_promotion: '#c8387a',
  service_experience: '#2e8b3e',
  other: '#8b6a55',
};

export const UNCLASSIFIED_COLOR = '#c3c7ce';

export const causeColor = (cause: CauseKey): string => (cause === 'none' ? UNCLASSIFIED_COLOR : CAUSE_COLORS[cause]);

export const isCause = (v: unknown): v is CauseCode => (CAUSE_CODES as readonly unknown[]).includes(v);

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
