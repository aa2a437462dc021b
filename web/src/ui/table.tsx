import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';

/** A column heading: plain text, or with `num` for right-aligned figures (`.num`). */
export type Column = string | { label: ReactNode; num?: boolean };

const labelOf = (c: Column) => (typeof c === 'string' ? c : typeof c.label === 'string' ? c.label : undefined);

type Cell = ReactElement<{ 'data-label'?: string; children?: ReactNode }>;

/**
 * Each cell of the rows gets its column's heading as `data-label`, which the phone layout shows
 * beside it, and its content one wrapper, which that layout places beside the heading.
 */
function labelled(rows: ReactNode, columns: Column[]): ReactNode {
  return Children.map(rows, (row) =>
    isValidElement<{ children?: ReactNode }>(row)
      ? cloneElement(
          row,
          {},
          Children.map(row.props.children, (cell, i) =>
            isValidElement(cell)
              ? cloneElement(cell as Cell, { 'data-label': columns[i] ? labelOf(columns[i]) : undefined }, <div className="cell-value">{(cell as Cell).props.children}</div>)
              : cell,
          ),
        )
      : row,
  );
}

/**
 * A data table that scrolls sideways on narrow screens instead of breaking the page; every
 * column heading is a `th scope="col"` so screen readers announce it with each cell. With
 * `stack`, a phone shows each row as a card instead, every value under its heading: lists whose
 * columns all matter (deadlines, shares) are read there without scrolling sideways.
 */
export function Table({ columns, caption, foot, className, stack, children }: {
  columns: Column[];
  /** The whole `<caption>` element, so a page may hide it visually. */
  caption?: ReactNode;
  /** Rows for a `<tfoot>`, e.g. totals. */
  foot?: ReactNode;
  className?: string;
  stack?: boolean;
  /** The body rows. */
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className={[className, stack ? 'table-stack' : ''].filter(Boolean).join(' ') || undefined}>
        {caption}
        <thead>
          <tr>
            {columns.map((c, i) =>
              typeof c === 'string' ? (
                <th key={i} scope="col">
                  {c}
                </th>
              ) : (
                <th key={i} scope="col" className={c.num ? 'num' : undefined}>
                  {c.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{stack ? labelled(children, columns) : children}</tbody>
        {foot ? <tfoot>{stack ? labelled(foot, columns) : foot}</tfoot> : null}
      </table>
    </div>
  );
}
