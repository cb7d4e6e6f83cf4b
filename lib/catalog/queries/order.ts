import { lookupTable } from "../model/safe-keys";
import { pgPathLiteral, splitEntityPath } from "./entity-paths";

export interface OrderField {
  field: string;
  order: "asc" | "desc";
}

/** Parses `order=asc:metadata.name` params (also accepts a bare field as ascending). */
export function parseOrderParams(params: string[] | string | undefined): OrderField[] {
  const list = params === undefined ? [] : Array.isArray(params) ? params : [params];
  return list.flatMap((p) =>
    p
      .split(",")
      .filter(Boolean)
      .map((item) => {
        const m = /^(asc|desc):(.+)$/i.exec(item.trim());
        if (m) return { field: m[2], order: m[1].toLowerCase() as "asc" | "desc" };
        return { field: item.trim(), order: "asc" as const };
      }),
  );
}

const COLUMNS = lookupTable({
  kind: "e.kind",
  "metadata.name": "e.name",
  "metadata.namespace": "e.namespace",
  "metadata.title": "lower(e.title)",
  "spec.type": "e.type",
  "spec.lifecycle": "e.lifecycle",
  "spec.owner": "e.owner",
});

/** Case-insensitive ordering, missing values last whatever the direction; ref breaks ties. */
export function orderToSql(order: OrderField[]): string {
  const parts = order.map(({ field, order: dir }) => {
    const expr =
      COLUMNS.get(field.toLowerCase()) ?? `lower(e.entity #>> ${pgPathLiteral(splitEntityPath(field))})`;
    return `${expr} ${dir === "desc" ? "DESC" : "ASC"} NULLS LAST`;
  });
  parts.push("e.ref ASC");
  return parts.join(", ");
}
