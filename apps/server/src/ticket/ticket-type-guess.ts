import type { TicketType } from '@kefu/contracts';

// Most specific first: "换个码" is an exchange even though it may also say 退.
const HINTS: [TicketType, RegExp][] = [
  ['exchange', /换货|换一[个件双码号]|换个|换成|换[大小]|调换|exchange|swap|replace(ment)?/i],
  ['quality_complaint', /质量|坏了|破损|瑕疵|开线|掉色|起球|异味|过敏|不能用|用不了|故障|defect|broken|faulty|stopped working|doesn'?t work|quality/i],
  ['refund_only', /仅退款|只退款|退差价|价保|没收到|未收到|少发|漏发|不要了.*没发|refund only|price (drop|protection)|never (arrived|received)|not received/i],
  ['return', /退货|退回|退掉|七天无理由|7天无理由|无理由|退款|return|send (it )?back|refund/i],
];

/** The ticket type a customer's words suggest; `return` when nothing says otherwise. */
export function guessTicketType(text: string): TicketType {
  return HINTS.find(([, re]) => re.test(text))?.[0] ?? 'return';
}
