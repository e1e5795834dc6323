// CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order mark so that
// Excel opens Chinese text correctly.

export const CSV_BOM = '\uFEFF';

export type Cell = string | number | boolean | null | undefined;

/** One cell. Text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with '. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: readonly Cell[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** `name-2026-03-01.csv`, for Content-Disposition. */
export const csvFileName = (name: string, at: Date) => `${name}-${at.toISOString().slice(0, 10)}.csv`;
