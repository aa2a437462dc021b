import type { ReactNode } from 'react';

/** A column heading: plain text, or with `num` for right-aligned figures (`.num`). */
export type Column = string | { label: ReactNode; num?: boolean };

/**
 * A data table that scrolls sideways on narrow screens instead of breaking the page; every
 * column heading is a `th scope="col"` so screen readers announce it with each cell.
 */
export function Table({ columns, caption, foot, className, children }: {
  columns: Column[];
  /** The whole `<caption>` element, so a page may hide it visually. */
  caption?: ReactNode;
  /** Rows for a `<tfoot>`, e.g. totals. */
  foot?: ReactNode;
  className?: string;
  /** The body rows. */
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className={className}>
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
        <tbody>{children}</tbody>
        {foot ? <tfoot>{foot}</tfoot> : null}
      </table>
    </div>
  );
}
