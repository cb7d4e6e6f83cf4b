import type { ListIndex } from "./list-index";

/** The catalog table's sort keys (listEntities), mirroring its SQL ORDER BY clauses. */
export type ListSort = "name" | "-name" | "kind" | "-kind" | "updated" | "-updated" | "owner" | "-owner";

type Compare = (a: number, b: number) => number;

/** Rows are in ref order, so comparing row numbers is the SQL's final `e.ref ASC` tie-break. */
export function comparator(index: ListIndex, sort: ListSort): Compare {
  const { nameRank: name, updatedAt: updated } = index;
  const { kind, owner } = index.columns;
  // NULLS LAST in both directions (owner is the only nullable sort column).
  const ownerKey = (row: number, desc: boolean) =>
    owner[row] < 0 ? Number.MAX_SAFE_INTEGER : desc ? -owner[row] : owner[row];
  switch (sort) {
    case "name":
      return (a, b) => name[a] - name[b] || a - b;
    case "-name":
      return (a, b) => name[b] - name[a] || a - b;
    case "kind":
      return (a, b) => kind[a] - kind[b] || name[a] - name[b] || a - b;
    case "-kind":
      return (a, b) => kind[b] - kind[a] || name[a] - name[b] || a - b;
    case "updated":
      return (a, b) => updated[a] - updated[b] || a - b;
    case "-updated":
      return (a, b) => updated[b] - updated[a] || a - b;
    case "owner":
      return (a, b) => ownerKey(a, false) - ownerKey(b, false) || name[a] - name[b] || a - b;
    case "-owner":
      return (a, b) => ownerKey(a, true) - ownerKey(b, true) || name[a] - name[b] || a - b;
  }
}

/** All rows in the sort's order (computed once per index and sort). */
export function sortedRows(index: ListIndex, sort: ListSort): Int32Array {
  let order = index.orders.get(sort);
  if (!order) {
    order = new Int32Array(index.size);
    for (let i = 0; i < order.length; i++) order[i] = i;
    order.sort(comparator(index, sort));
    index.orders.set(sort, order);
  }
  return order;
}
