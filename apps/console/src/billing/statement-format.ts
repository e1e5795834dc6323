import type { Statement } from '@kefu/contracts';
import { zonedDate } from '../analytics/period';

// A monthly statement as people read it (money, months) and as a spreadsheet (CSV), built here from the API's answer.

const MONTH = /^(20\d\d)-(0[1-9]|1[0-2])$/;

export const isMonth = (s: string): boolean => MONTH.test(s);

/** The calendar month (YYYY-MM) an instant falls in, in a timezone. */
export const monthOf = (now: number, timezone: string): string => zonedDate(now, timezone).slice(0, 7);

/** The month `delta` months from `month`. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** "2026年3月" / "March 2026". */
export function monthLabel(month: string, lang: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
}

/** An amount in yuan: "¥12,345.60". */
export const moneyLabel = (amount: number, lang: string): string => new Intl.NumberFormat(lang, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }).format(amount);

/** A commission rate: "3.5%". */
export const rateLabel = (rate: number): string => `${Number((rate * 100).toFixed(2))}%`;

/** The sales the commission is taken on: attributed sales less their refunds (never below zero). */
export const commissionBase = (s: Pick<Statement, 'attributedSales' | 'refundsDeducted'>): number => Math.max(0, Math.round((s.attributedSales - s.refundsDeducted) * 100) / 100);

/** The words of the CSV, in the reader's language. */
export interface StatementCsvLabels {
  store: string;
  month: string;
  status: string;
  statusValue: Record<Statement['status'], string>;
  baseFee: string;
  attributedSales: string;
  refundsDeducted: string;
  commissionRate: string;
  commission: string;
  promotionFees: string;
  total: string;
  orders: string;
  orderRef: string;
  paidAt: string;
  totalPaid: string;
  refunded: string;
}

const cell = (v: string | number): string => {
  const s = typeof v === 'number' ? v.toFixed(2) : v;
  // Quoted when it would break the row; a leading formula character is defused for spreadsheets.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const row = (...cells: (string | number)[]) => cells.map(cell).join(',');

/** One store's month as CSV: the fees, one per line, then the attributed orders. Amounts in yuan, two decimals. */
export function statementCsv(s: Statement, storeName: string, labels: StatementCsvLabels): string {
  const lines = [
    row(labels.store, storeName),
    row(labels.month, s.month),
    row(labels.status, labels.statusValue[s.status]),
    '',
    row(labels.baseFee, s.baseFee),
    row(labels.attributedSales, s.attributedSales),
    row(labels.refundsDeducted, s.refundsDeducted),
    row(labels.commissionRate, rateLabel(s.commissionRate)),
    row(labels.commission, s.commission),
    row(labels.promotionFees, s.promotionFees),
    row(labels.total, s.total),
    '',
    row(labels.orders),
    row(labels.orderRef, labels.paidAt, labels.totalPaid, labels.refunded),
    ...s.orders.map((o) => row(o.orderRef, o.paidAt, o.totalPaid, o.refunded)),
  ];
  // The byte-order mark makes spreadsheets read the Chinese as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The CSV's file name: "statement-<store>-2026-03.csv", the store's name kept readable but safe. */
export const statementFileName = (storeName: string, month: string): string => `statement-${storeName.replace(/[\\/:*?"<>|\s]+/g, '_')}-${month}.csv`;

/** What several statements come to together (to the cent). */
export const statementsTotal = (statements: readonly Pick<Statement, 'total'>[]): number => Math.round(statements.reduce((sum, s) => sum + s.total * 100, 0)) / 100;
