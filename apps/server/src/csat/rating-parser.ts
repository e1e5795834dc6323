// The customer's answer to "how satisfied were you?", in their words: a digit, stars, or the
// platform's five labels (非常满意…非常不满意 / very satisfied…very dissatisfied). Pure.

const LABELS: [RegExp, number][] = [
  // Longest and negated forms first: 不满意 contains 满意.
  [/非常不满意|很不满意|特别不满意|极不满意|非常不滿意|很不滿意|超级不满|太差了|差评/, 1],
  [/非常满意|很满意|特别满意|超级满意|非常滿意|很滿意|超满意|好评/, 5],
  [/不太满意|不满意|不滿意|不大满意/, 2],
  [/一般般?|还行|還行|马马虎虎|凑合/, 3],
  [/满意|滿意/, 4],
  [/\b(very|extremely|totally|completely) (dis|un)satisfied\b|\bterrible\b|\bawful\b|\bhorrible\b/i, 1],
  [/\b(very|extremely|totally|completely|really) satisfied\b|\bexcellent\b|\bperfect\b|\bamazing\b/i, 5],
  [/\b(dis|un)satisfied\b|\bnot (very )?satisfied\b|\bpoor\b|\bbad\b/i, 2],
  [/\bneutral\b|\bso-so\b|\bokay\b|\bok\b|\baverage\b|\bfine\b/i, 3],
  [/\bsatisfied\b|\bgood\b|\bgreat\b/i, 4],
];
const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };

/**
 * A rating 1–5, or null when the message is not an answer to the survey (a new question, an
 * order number…). Only short messages count: a long message is a conversation, not a rating.
 */
export function parseRating(text: string): number | null {
  const t = text.normalize('NFKC').trim();
  if (!t || t.length > 40) return null;
  const stars = (t.match(/[⭐★]/gu) ?? []).length;
  if (stars >= 1 && stars <= 5 && t.replace(/[⭐★\s!！.。]/gu, '') === '') return stars;
  const numeric = /^(?:我?(?:打|给|評|评)?\s*)?([1-5])\s*(?:分|星|颗星|stars?|\/\s*5|points?)?\s*[!！.。~]*$/i.exec(t);
  if (numeric) return Number(numeric[1]);
  const hanzi = /^(?:我?(?:打|给)?\s*)?([一二两三四五])\s*(?:分|星|颗星)\s*[!！.。~]*$/.exec(t);
  if (hanzi) return DIGITS[hanzi[1]];
  for (const [re, rating] of LABELS) if (re.test(t)) return rating;
  return null;
}
