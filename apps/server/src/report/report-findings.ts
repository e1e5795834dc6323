import type { CauseCode, ReportContent } from '@kefu/contracts';
import { CAUSE_NAMES, LOGISTICS_CAUSES } from './report-words.js';

type Facts = Omit<ReportContent, 'findings'>;
type Finding = ReportContent['findings'][number];

const pct = (x: number) => `${Math.round(x * 100)}%`;
const secs = (s: number, lang: 'zh' | 'en') => (s < 90 ? `${Math.round(s)}${lang === 'zh' ? ' 秒' : 's'}` : `${Math.round(s / 60)}${lang === 'zh' ? ' 分钟' : ' min'}`);

/** What the brand can act on behind a cause: its SKU with the most tickets, or the courier carrying most of a logistics cause. */
function behind(f: Facts, cause: CauseCode) {
  const sku = f.topSkus.find((s) => s.cause === cause && s.count >= 2);
  const carrier = LOGISTICS_CAUSES.includes(cause) ? f.carriers.filter((c) => c.cause === cause).sort((a, b) => b.count - a.count)[0] : undefined;
  return { sku, carrier };
}

/**
 * The cause to act on first: one with a named SKU or courier before one without, then the one that rose most
 * against the previous period, then the largest. "Other" is never it: nothing can be done about it.
 */
function causeFinding(f: Facts): Finding | null {
  const ranked = f.tickets.byCause
    .filter((c) => c.cause !== 'other' && c.count > 0)
    .map((c) => ({ c, named: Boolean(behind(f, c.cause).sku || behind(f, c.cause).carrier), rise: c.count - c.previousCount }))
    .sort((a, b) => Number(b.named) - Number(a.named) || b.rise - a.rise || b.c.count - a.c.count);
  const subject = ranked[0]?.c;
  if (!subject) return null;
  const name = CAUSE_NAMES[subject.cause];
  const { carrier } = behind(f, subject.cause);
  const carrierShare = carrier ? carrier.count / subject.count : 0;
  // The SKU has a finding of its own (with what to do about it); the courier is named here.
  const named = carrier && carrierShare >= 0.5 ? { zh: `,其中 ${pct(carrierShare)} 来自${carrier.carrier}`, en: `, ${pct(carrierShare)} of them with ${carrier.carrier}` } : { zh: '', en: '' };
  const rose = subject.count > subject.previousCount;
  const how = !rose
    ? subject.count < subject.previousCount
      ? { zh: `(${subject.count} 单,上期 ${subject.previousCount} 单)`, en: ` (${subject.count} tickets, ${subject.previousCount} before)` }
      : { zh: `(${subject.count} 单,与上期持平)`, en: ` (${subject.count} tickets, as before)` }
    : subject.previousCount === 0
      ? { zh: `新出现 ${subject.count} 单`, en: ` appeared: ${subject.count} tickets, none before` }
      : subject.count >= 2 * subject.previousCount
        ? { zh: `比上期翻了 ${(subject.count / subject.previousCount).toFixed(1)} 倍(${subject.previousCount} → ${subject.count})`, en: ` rose ${(subject.count / subject.previousCount).toFixed(1)}× (${subject.previousCount} → ${subject.count})` }
        : { zh: `比上期增加 ${pct(subject.count / subject.previousCount - 1)}(${subject.previousCount} → ${subject.count})`, en: ` rose ${pct(subject.count / subject.previousCount - 1)} (${subject.previousCount} → ${subject.count})` };
  const lead = rose ? { zh: name.zh, en: cap(name.en) } : { zh: `${name.zh}是本期需要处理的首要原因`, en: `${cap(name.en)} are the cause to act on first` };
  return { zh: `${lead.zh}${how.zh}${named.zh}。`, en: `${lead.en}${how.en}${named.en}.` };
}

/** The product to fix at the source: the SKU with the most tickets of one cause (never "other"). */
function skuFinding(f: Facts): Finding | null {
  const top = f.topSkus.find((s) => s.cause !== 'other');
  if (!top || top.count < 2) return null;
  const name = CAUSE_NAMES[top.cause];
  const action = top.cause === 'product_quality' ? { zh: ',建议反馈供应商', en: ': worth raising with the supplier' } : top.cause === 'not_as_described' ? { zh: ',建议核对商品详情页', en: ': worth checking the listing' } : top.cause === 'size_fit' ? { zh: ',建议完善尺码表', en: ': worth improving the size chart' } : { zh: '', en: '' };
  return {
    zh: `${top.sku}(${top.name})有 ${top.count} 单${name.zh},占该原因的 ${pct(top.shareOfCause)}${action.zh}。`,
    en: `${top.sku} (${top.name}) had ${top.count} tickets for ${name.en}, ${pct(top.shareOfCause)} of that cause${action.en}.`,
  };
}

/** How well the desk served: first response, breaches, satisfaction, inquiry conversion — whatever the period has. */
function serviceFinding(f: Facts): Finding {
  const { sla, csat, conversion } = f;
  const parts: Finding[] = [];
  if (sla.firstResponseP50 !== null) {
    const before = sla.previousFirstResponseP50 !== null ? { zh: `(上期 ${secs(sla.previousFirstResponseP50, 'zh')})`, en: ` (${secs(sla.previousFirstResponseP50, 'en')} before)` } : { zh: '', en: '' };
    parts.push({ zh: `首次响应中位数 ${secs(sla.firstResponseP50, 'zh')}${before.zh}`, en: `median first response ${secs(sla.firstResponseP50, 'en')}${before.en}` });
  }
  if (sla.breachRate !== null) parts.push({ zh: `超时率 ${pct(sla.breachRate)}`, en: `${pct(sla.breachRate)} breached the SLA` });
  const platform = sla.platformResponse;
  if (platform?.rate !== null && platform?.rate !== undefined)
    parts.push({ zh: `平台 ${secs(platform.ruleSeconds, 'zh')}回复率 ${pct(platform.rate)}`, en: `${pct(platform.rate)} answered within the platform's ${secs(platform.ruleSeconds, 'en')}` });
  if (csat.average !== null) parts.push({ zh: `满意度 ${csat.average.toFixed(1)}/5(${csat.responses} 条评价)`, en: `satisfaction ${csat.average.toFixed(1)}/5 from ${csat.responses} ratings` });
  if (conversion.rate !== null) parts.push({ zh: `询单转化率 ${pct(conversion.rate)}`, en: `inquiry conversion ${pct(conversion.rate)}` });
  if (!parts.length) return { zh: '本期没有需要回复的咨询。', en: 'No customer questions to answer this period.' };
  return { zh: `${parts.map((p) => p.zh).join(',')}。`, en: `${cap(parts.map((p) => p.en).join('; '))}.` };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Three plain-language findings for the brand, in Chinese and English. */
export function reportFindings(f: Facts): Finding[] {
  if (f.tickets.total === 0) return [{ zh: '本期没有售后工单。', en: 'No after-sales tickets this period.' }, serviceFinding(f)];
  const other = f.tickets.byCause.find((c) => c.cause === 'other');
  // Many tickets without a cause make every finding weaker: say so, after what can be acted on.
  const unclassified =
    other && other.share >= 0.3 ? { zh: `${pct(other.share)} 的工单原因为"其他",建议复核分类以便找到根因。`, en: `${pct(other.share)} of tickets have the cause "other": worth reviewing so their root cause shows.` } : null;
  return [causeFinding(f), skuFinding(f) ?? unclassified, serviceFinding(f)].filter((x): x is Finding => x !== null);
}
