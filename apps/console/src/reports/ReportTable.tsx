import type { ReactNode } from 'react';

/** One column of a report table: its header cell, and what each row puts under it. */
export interface ReportColumn<Row> {
  /** The header cell's content. */
  head: ReactNode;
  /** The class of the column's cells, the header cell's and the rows' alike (`num`, `rtable__bar-col`). */
  className?: string;
  /** A class the rows' cells add to `className` (`strong`, `muted`, `mono`). */
  cellClassName?: string;
  /**
   * A column that heads the rows: `row` gives each row a `<th scope="row">`; `rowgroup` gives each
   * group (see `groupBy`) one `<th scope="rowgroup">` spanning its rows.
   */
  scope?: 'row' | 'rowgroup';
  cell(row: Row): ReactNode;
}

/** Attributes of a row's `<tr>`: a class and `data-*` attributes. */
export type ReportRowProps = { className?: string } & { [data: `data-${string}`]: string | undefined };

interface Props<Row> {
  columns: readonly ReportColumn<NoInfer<Row>>[];
  rows: readonly Row[];
  rowKey(row: Row, index: number): string;
  rowProps?(row: Row): ReportRowProps;
  /** Rows with the same key in a run form a group: a `<tbody className="rtable__group">` of their own. */
  groupBy?(row: Row): string;
  /** Classes of the table beside `rtable` (`rtable--causes`). */
  className?: string;
}

const classes = (...names: (string | undefined)[]) => names.filter(Boolean).join(' ') || undefined;

/** A table of the client report (`rtable`): a header row of columns, then the rows, in one body or one body a group. */
export function ReportTable<Row>({ columns, rows, rowKey, rowProps, groupBy, className }: Props<Row>) {
  const row = (r: Row, index: number, groupSize: number | null) => (
    <tr key={rowKey(r, index)} {...rowProps?.(r)}>
      {columns.map((col, i) => {
        const cellClass = classes(col.className, col.cellClassName);
        if (col.scope === 'rowgroup') {
          // Heads its group from the group's first row.
          return groupSize === 0 ? null : (
            <th key={i} scope="rowgroup" rowSpan={groupSize ?? undefined} className={cellClass}>
              {col.cell(r)}
            </th>
          );
        }
        return col.scope === 'row' ? (
          <th key={i} scope="row" className={cellClass}>
            {col.cell(r)}
          </th>
        ) : (
          <td key={i} className={cellClass}>
            {col.cell(r)}
          </td>
        );
      })}
    </tr>
  );

  return (
    <table className={classes('rtable', className)}>
      <thead>
        <tr>
          {columns.map((col, i) => (
            <th key={i} scope="col" className={col.className}>
              {col.head}
            </th>
          ))}
        </tr>
      </thead>
      {groupBy ? (
        groupsOf(rows, groupBy).map((g) => (
          <tbody key={g.key} className="rtable__group">
            {g.rows.map((r, i) => row(r, g.start + i, i === 0 ? g.rows.length : 0))}
          </tbody>
        ))
      ) : (
        <tbody>{rows.map((r, i) => row(r, i, null))}</tbody>
      )}
    </table>
  );
}

function groupsOf<Row>(rows: readonly Row[], groupBy: (row: Row) => string) {
  const groups: { key: string; start: number; rows: Row[] }[] = [];
  rows.forEach((r, i) => {
    const key = groupBy(r);
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.rows.push(r);
    else groups.push({ key, start: i, rows: [r] });
  });
  return groups;
}
