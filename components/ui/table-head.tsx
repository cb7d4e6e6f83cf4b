import type { ReactNode } from "react";

export type TableColumn = ReactNode | { label: ReactNode; className: string };

function isStyled(column: TableColumn): column is { label: ReactNode; className: string } {
  return typeof column === "object" && column !== null && "label" in column && "className" in column;
}

/** The column header row every data table in the portal shares; `className` adds alignment or visibility. */
export function TableHead({ columns }: { columns: TableColumn[] }) {
  // Header lists are static, so a column's position is a stable identity.
  const cells = columns.map((column, position) => ({ column, id: `column-${position}` }));
  return (
    <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-800/60 dark:text-slate-400">
      <tr>
        {cells.map(({ column, id }) => (
          <th
            key={id}
            scope="col"
            className={`px-3 py-2 font-medium ${isStyled(column) ? column.className : ""}`}
          >
            {isStyled(column) ? column.label : column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
