import type { CauseCode, ReportContent } from '@kefu/contracts';

type Facts = Omit<ReportContent, 'findings'>;
type Finding = ReportContent['findings'][number];

const CAUSE_NAMES: Record<CauseCode, { zh: string; en: string }> = {
  product_quality: { zh: '质量问题', en: 'quality problems' },
  not_as_described: { zh: '与描述不符', en: 'items not as described' },
  wrong_or_missing_item: { zh: '错发漏发', en: 'wrong or missing items' },
  shipping_damage: { zh: '运输破损', en: 'shipping damage' },
  logistics_delay: { zh: '物流延误', en: 'logistics delays' },
  size_fit: { zh: '尺码不合适', en: 'size and fit' },
  changed_mind: { zh: '无理由退换', en: 'changed minds' },
  price_promotion: { zh: '价格与优惠', en: 'price and promotion issues' },
  service_experience: { zh: '服务体验', en: 'service experience' },
  other: { zh: '其他', en: 'other matters' },
};

const pct = (x: number) => `${Math.round(x * 100)}%`;
const secs = (s: number, lang: 'zh' | 'en') => (s < 90 ? `${Math.round(s)}${lang === 'zh' ? ' 秒' : 's'}` : `${Math.round(s / 60)}${lang === 'zh' ? ' 分钟' : ' min'}`);

/** What moved most: the cause that rose most against the previous period, with the courier behind it when one dominates. */
function causeFinding(f: Facts): Finding | null {
  const rising = f.tickets.byCause
    .filter((c) => c.count >= 3 && c.count > c.previousCount)
    .sort((a, b) => b.count - b.previousCount - (a.count - a.previousCount))[0];
  const subject = rising ?? [...f.tickets.byCause].sort((a, b) => b.count - a.count)[0];
  if (!subject) return null;
  const name = CAUSE_NAMES[subject.cause];
  const carrier = f.carriers.filter((c) => c.cause === subject.cause).sort((a, b) => b.count - a.count)[0];
  const carrierShare = carrier ? carrier.count / subject.count : 0;
  const withCarrier = carrier && carrierShare >= 0.5 ? { zh: `,其中 ${pct(carrierShare)} 来自${carrier.carrier}`, en: `, ${pct(carrierShare)} of them with ${carrier.carrier}` } : { zh: '', en: '' };
  if (!rising) return { zh: `${name.zh}是本期最主要的售后原因(${subject.count} 单,占 ${pct(subject.share)})${withCarrier.zh}。`, en: `${cap(name.en)} were the main after-sales cause (${subject.count} tickets, ${pct(subject.share)})${withCarrier.en}.` };
  const how = subject.previousCount === 0 ? { zh: `新出现 ${subject.count} 单`, en: `appeared: ${subject.count} tickets, none before` } : subject.count >= 2 * subject.previousCount ? { zh: `比上期翻了 ${(subject.count / subject.previousCount).toFixed(1)} 倍(${subject.previousCount} → ${subject.count})`, en: `rose ${(subject.count / subject.previousCount).toFixed(1)}× (${subject.previousCount} → ${subject.count})` } : { zh: `比上期增加 ${pct(subject.count / subject.previousCount - 1)}(${subject.previousCount} → ${subject.count})`, en: `rose ${pct(subject.count / subject.previousCount - 1)} (${subject.previousCount} → ${subject.count})` };
  return { zh: `${name.zh}${how.zh}${withCarrier.zh}。`, en: `${cap(name.en)} ${how.en}${withCarrier.en}.` };
}

/** The product to fix at the source: the SKU with the most tickets of one cause. */
function skuFinding(f: Facts): Finding | null {
  const top = f.topSkus[0];
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
  if (csat.average !== null) parts.push({ zh: `满意度 ${csat.average.toFixed(1)}/5(${csat.responses} 条评价)`, en: `satisfaction ${csat.average.toFixed(1)}/5 from ${csat.responses} ratings` });
  if (conversion.rate !== null) parts.push({ zh: `询单转化率 ${pct(conversion.rate)}`, en: `inquiry conversion ${pct(conversion.rate)}` });
  if (!parts.length) return { zh: '本期没有需要回复的咨询。', en: 'No customer questions to answer this period.' };
  return { zh: `${parts.map((p) => p.zh).join(',')}。`, en: `${cap(parts.map((p) => p.en).join('; '))}.` };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Three plain-language findings for the brand, in Chinese and English. */
export function reportFindings(f: Facts): Finding[] {
  if (f.tickets.total === 0) return [{ zh: '本期没有售后工单。', en: 'No after-sales tickets this period.' }, serviceFinding(f)];
  return [causeFinding(f), skuFinding(f), serviceFinding(f)].filter((x): x is Finding => x !== null);
}
