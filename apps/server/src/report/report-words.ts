import type { CauseCode, Language, TicketType } from '@kefu/contracts';

/** The report's words for causes, ticket types and its CSV, in the reader's language. */
export const CAUSE_NAMES: Record<CauseCode, { zh: string; en: string }> = {
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

export const TYPE_NAMES: Record<TicketType, { zh: string; en: string }> = {
  return: { zh: '退货', en: 'return' },
  exchange: { zh: '换货', en: 'exchange' },
  refund_only: { zh: '仅退款', en: 'refund only' },
  quality_complaint: { zh: '质量投诉', en: 'quality complaint' },
};

/** The causes a courier answers for: the report's courier table and findings name carriers for these only. */
export const LOGISTICS_CAUSES: readonly CauseCode[] = ['shipping_damage', 'logistics_delay'];

interface CsvWords {
  header: string[];
  tickets: string;
  total: string;
  byType: string;
  byCause: string;
  topSkus: string;
  service: string;
  firstResponseP50: string;
  firstResponseP90: string;
  breachRate: string;
  platformResponse: (seconds: number) => string;
  csat: string;
  conversion: string;
  replyGuard: string;
  findings: string;
  cause: (c: CauseCode) => string;
  type: (t: TicketType) => string;
}

/** English keeps the codes (what scripts read); Chinese says them in words. */
const CSV_WORDS: Record<Language, CsvWords> = {
  en: {
    header: ['section', 'item', 'value', 'previous', 'change'],
    tickets: 'tickets',
    total: 'total',
    byType: 'tickets by type',
    byCause: 'tickets by cause',
    topSkus: 'top SKUs',
    service: 'service',
    firstResponseP50: 'first response p50 (s)',
    firstResponseP90: 'first response p90 (s)',
    breachRate: 'SLA breach rate',
    platformResponse: (s) => `platform response rate (within ${s} s)`,
    csat: 'CSAT average (1-5)',
    conversion: 'inquiry conversion',
    replyGuard: 'reply guard violations per 1000 replies',
    findings: 'findings',
    cause: (c) => c,
    type: (t) => t,
  },
  zh: {
    header: ['分类', '项目', '数值', '上期', '变化'],
    tickets: '工单',
    total: '合计',
    byType: '工单类型',
    byCause: '售后原因',
    topSkus: '问题商品',
    service: '服务',
    firstResponseP50: '首次响应中位数(秒)',
    firstResponseP90: '首次响应 P90(秒)',
    breachRate: 'SLA 超时率',
    platformResponse: (s) => `平台回复率(${s} 秒内)`,
    csat: '满意度(1-5)',
    conversion: '询单转化率',
    replyGuard: '回复质检违规数(每千条回复)',
    findings: '结论',
    cause: (c) => CAUSE_NAMES[c].zh,
    type: (t) => TYPE_NAMES[t].zh,
  },
};

export const csvWords = (lang: Language): CsvWords => CSV_WORDS[lang];
