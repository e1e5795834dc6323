import type { Receiver } from '@kefu/contracts';

/** `13812345678` → `138****5678`; shorter numbers keep their last two digits. */
export function maskPhone(phone: string): string {
  const all = phone.replace(/\D/g, '');
  const digits = all.length === 13 && all.startsWith('86') ? all.slice(2) : all; // +86 138…
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return digits.length > 2 ? `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}` : '**';
}

/** `张三丰` → `张**`, `Li Wei` → `L*****`: the first character only. */
export const maskName = (name: string): string => {
  const chars = [...name.trim()];
  return chars.length === 0 ? '' : `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
};

/** A Chinese address to its district (区/县/市 after the province and city); otherwise its first words. */
export function maskAddress(address: string): string {
  const a = address.trim();
  // Province (…省/自治区)?, city (…市/自治州/地区/盟), district (…区/县/旗/市)?
  const district = /^((?:[^省区]{2,7}?(?:省|自治区))?[^市]{2,9}?(?:市|自治州|地区|盟)(?:[^区县旗]{1,9}?(?:区|县|旗|市))?)/u.exec(a);
  if (district && district[1].length < a.length) return `${district[1]}****`;
  const words = a.split(/[\s,，]+/).filter(Boolean);
  return words.length > 1 ? `${words.slice(-2).join(' ')} ****` : '****';
}

/** What every view shows of a receiver. */
export const maskReceiver = (r: Receiver): Receiver => ({
  ...(r.name ? { name: maskName(r.name) } : {}),
  ...(r.phone ? { phone: maskPhone(r.phone) } : {}),
  ...(r.address ? { address: maskAddress(r.address) } : {}),
});
