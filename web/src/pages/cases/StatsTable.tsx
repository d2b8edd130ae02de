import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Schemas } from "../../api/client";

type Table = Schemas["StatisticsTableView"];

/** The id of the note that explains a dash; each suppressed cell points to it. */
export const SUPPRESSED_NOTE_ID = "stats-suppressed-note";

/** A count, or a dash that says (to a screen reader too) why the number is hidden. */
export function Count({ count }: { count: number | null }) {
  const { t } = useTranslation("cases");
  if (count !== null) return <>{count}</>;
  return (
    <span className="stats-suppressed" aria-describedby={SUPPRESSED_NOTE_ID}>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t("stats.suppressedCell")}</span>
    </span>
  );
}

/** One cross-table: rows by columns, with totals; header cells scoped. */
export function StatsTable({ id, caption, table, rowLabel, columnLabel, cornerLabel }: {
  id: string;
  caption: string;
  table: Table;
  rowLabel(key: string): ReactNode;
  columnLabel(key: string): ReactNode;
  cornerLabel: string;
}) {
  const { t } = useTranslation("cases");
  const cell = (row: string, column: string) =>
    table.cells.find((candidate) => candidate.row === row && candidate.column === column)?.count ?? null;
  const rowTotal = (row: string) => table.rowTotals.find((total) => total.key === row)?.count ?? null;
  const columnTotal = (column: string) => table.columnTotals.find((total) => total.key === column)?.count ?? null;
  return (
    <div className="hds-table-container stats-table" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
      <table className="hds-table hds-table--light">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr className="hds-table__header-row">
            <th scope="col">{cornerLabel}</th>
            {table.columns.map((column) => (
              <th scope="col" key={column}>
                {columnLabel(column)}
              </th>
            ))}
            <th scope="col">{t("stats.total")}</th>
          </tr>
        </thead>
        <tbody className="hds-table__content">
          {table.rows.map((row) => (
            <tr key={row}>
              <th scope="row">{rowLabel(row)}</th>
              {table.columns.map((column) => (
                <td key={column} className="stats-number">
                  <Count count={cell(row, column)} />
                </td>
              ))}
              <td className="stats-number">
                <Count count={rowTotal(row)} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("stats.total")}</th>
            {table.columns.map((column) => (
              <td key={column} className="stats-number">
                <Count count={columnTotal(column)} />
              </td>
            ))}
            <td className="stats-number">
              <Count count={table.total} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
