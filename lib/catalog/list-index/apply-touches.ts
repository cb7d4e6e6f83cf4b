import { DeltaMismatch } from "./delta-layout";
import { rowOfId } from "./id-lookup";
import type { ListIndex } from "./list-index";

/** An entity whose row changed only outside what the index holds: its id and new update time. */
export type Touch = [id: string, updated: number];

/**
 * The index of `revision` from `base` when the only other changes are touches: every structure
 * is shared with `base` except the update times, patched per touched row, and the two sort
 * orders keyed on them. A refresh that rewrites every entity's annotations thus costs a copy of
 * one Float64Array instead of a full reload. `base` itself is never modified (requests may be
 * reading it).
 */
export function applyTouches(base: ListIndex, revision: string, touches: Touch[]): ListIndex {
  const updatedAt = touches.length ? Float64Array.from(base.updatedAt) : base.updatedAt;
  for (const [id, updated] of touches) {
    const row = rowOfId(base, id);
    if (row < 0) throw new DeltaMismatch(`touched entity ${id} is not in the index`);
    updatedAt[row] = updated;
  }
  const orders = new Map(base.orders);
  if (touches.length) {
    orders.delete("updated");
    orders.delete("-updated");
  }
  return { ...base, revision, updatedAt, orders };
}
