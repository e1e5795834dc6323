import { KB_VARIABLES, type KbVariable } from '@kefu/contracts';

/** Replaces `{customerName}`, `{orderRef}`, `{storeName}`; a variable without a value stays as it is and is listed as missing. */
export function fillVariables(texts: { shortAnswer: string; body: string }, values: Partial<Record<KbVariable, string | null>>) {
  const missing = new Set<string>();
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      if (!(KB_VARIABLES as readonly string[]).includes(name)) return whole;
      const value = values[name as KbVariable];
      if (value) return value;
      missing.add(name);
      return whole;
    });
  return { shortAnswer: fill(texts.shortAnswer), body: fill(texts.body), missing: [...missing] };
}
