import type { Receiver } from '@kefu/contracts';

// The one masking of buyers' personal data (views, the brand's views, exports, KB gaps, logs). Pure
// functions: what is shown is enough to recognise a record, never enough to contact or locate the buyer.

const STARS = '****';

/** 张三 → 张*, Wang Wei → W*. */
export function maskName(name: string | null | undefined): string {
  const first = Array.from((name ?? '').trim())[0];
  return first ? `${first}*` : '';
}

/** 13812345678 → 138****5678; 021-12345678 → 021-****5678; anything else keeps at most its last 4 digits. */
export function maskPhone(phone: string | null | undefined): string {
  const value = (phone ?? '').trim();
  if (!value) return '';
  const masked = maskContacts(value);
  if (masked !== value) return masked;
  const digits = value.replace(/\D/g, '');
  return digits.length >= 7 ? `${STARS}${digits.slice(-4)}` : STARS;
}

// Province-level names, so "浙江杭州…" (written without 省/市) still keeps its province.
const PROVINCES =
  '北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门';
// A name part: a Chinese character that does not end a district, street or house (区, 路, 号…).
const NAME_CHAR = '(?:(?![区县镇乡村路街道巷弄号])[\\u4e00-\\u9fa5])';
const PROVINCE = new RegExp(`^(?:(?:${PROVINCES})(?:省|市|(?:壮族|回族|维吾尔)?自治区|特别行政区)?|${NAME_CHAR}{2,7}?(?:省|自治区))`);
const CITY = new RegExp(`^${NAME_CHAR}{1,8}?(?:市|自治州|地区|盟|州)`);

const DISTRICT = new RegExp(`^${NAME_CHAR}{1,9}?(?:区|县|旗|市)`);

/**
 * How much of an address stays: the district in the desk's views (广东省深圳市南山区****, the level the
 * platforms show), the city in what leaves the desk as a file or into text (广东省深圳市****).
 */
export type AddressLevel = 'district' | 'city';

/** 广东省深圳市南山区科技园1号 → 广东省深圳市南山区**** (district) or 广东省深圳市**** (city); the street and number never. */
export function maskAddress(address: string | null | undefined, level: AddressLevel = 'city'): string {
  const value = (address ?? '').trim().replace(/\s+/g, '');
  if (!value) return '';
  const province = PROVINCE.exec(value)?.[0] ?? '';
  const rest = value.slice(province.length);
  // 直辖市 (北京市…) are province and city at once; 杭州 may be written without 市.
  let city = /市$/.test(province) ? '' : (CITY.exec(rest)?.[0] ?? '');
  if (city.endsWith('州') && rest[city.length] === '市') city += '市';
  let kept = province + city;
  if (kept && level === 'district') {
    const district = DISTRICT.exec(value.slice(kept.length))?.[0] ?? '';
    if (kept.length + district.length < value.length) kept += district;
  }
  return kept ? `${kept}${STARS}` : STARS;
}

// 11-digit mainland mobile numbers (optionally +86, optional separators), not inside longer digit runs
// such as order numbers.
const MOBILE = /(?<![\d])(?:(?:\+|00)?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g;
// Landlines: area code 0xx / 0xxx (optionally in brackets) and a 7–8 digit number.
const LANDLINE = /(?<![\d])(\(?0\d{2,3}\)?)[\s-]?(\d{3,4})[\s-]?(\d{4})(?!\d)/g;
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
// Street and house numbers: 88号, 3栋, 2单元, 501室, 12弄, 5楼, 1幢.
const HOUSE_NUMBER = /\d+(?=\s*(?:号楼|号院|号|栋|幢|单元|室|弄|楼|层))/g;

/** Phone numbers and e-mail addresses inside text. */
function maskContacts(text: string): string {
  return text
    .replace(MOBILE, (_m, head: string, _mid: string, tail: string) => `${head}${STARS}${tail}`)
    .replace(LANDLINE, (_m, area: string, _mid: string, tail: string) => `${area}-${STARS}${tail}`)
    .replace(EMAIL, (_m, first: string, domain: string) => `${first}***@${domain}`);
}

/** Free text (a customer's reason): phone numbers, e-mails and house numbers masked, the words kept. */
export function maskText(text: string | null | undefined): string {
  return maskContacts(text ?? '').replace(HOUSE_NUMBER, (digits) => '*'.repeat(Math.min(digits.length, 4)));
}

// An address inside text: from a province-level name to its last house number (88号, 3栋, 501室…).
const HOUSE_UNIT = '\\d+\\s*(?:号楼|号院|号|栋|幢|单元|室|弄|楼|层)';
const ADDRESS_IN_TEXT = new RegExp(
  `(?:${PROVINCES})(?:省|市|(?:壮族|回族|维吾尔)?自治区|特别行政区)?[\\u4e00-\\u9fa5A-Za-z0-9-]{0,40}?${HOUSE_UNIT}(?:\\s*[A-Za-z-]*${HOUSE_UNIT})*`,
  'g',
);
// A name the writer introduces: 我叫王小明, 收货人:李四, my name is John (Smith).
const LABELLED_NAME_ZH = /(我叫|我的名字是|名字是|名字叫|姓名\s*[:：]?|收件人\s*[:：]?|收货人\s*[:：]?|联系人\s*[:：]?)\s*([\u4e00-\u9fa5·]{2,4})/g;
const LABELLED_NAME_EN = /\b(my name is|name is|name\s*:)\s+([a-z][a-z'-]*)(\s+[a-z][a-z'-]*)?/gi;

/**
 * Personal data in free text kept for the desk's own use (knowledge-base gaps): phone numbers,
 * e-mails, addresses (province and city kept), the names of the people given in `names`, and
 * names the writer introduces. The words of the question stay.
 */
export function maskPersonalText(text: string, names: readonly (string | null | undefined)[] = []): string {
  let masked = text.replace(ADDRESS_IN_TEXT, (address) => maskAddress(address));
  for (const name of names) {
    const n = name?.trim();
    if (n && Array.from(n).length >= 2) masked = masked.split(n).join(maskName(n));
  }
  masked = masked
    .replace(LABELLED_NAME_ZH, (_m, label: string, name: string) => `${label}${maskName(name)}`)
    // A second word is part of the name only when written as one (capitalised).
    .replace(LABELLED_NAME_EN, (_m, label: string, first: string, second?: string) => `${label} ${maskName(first)}${second && /^\s+[A-Z]/.test(second) ? '' : (second ?? '')}`);
  return maskText(masked);
}

/** What every view shows of a receiver: the name's first character, the phone's first three and last four digits, the address to its district. */
export const maskReceiver = (r: Receiver): Receiver => ({
  ...(r.name ? { name: maskName(r.name) } : {}),
  ...(r.phone ? { phone: maskPhone(r.phone) } : {}),
  ...(r.address ? { address: maskAddress(r.address, 'district') } : {}),
});
