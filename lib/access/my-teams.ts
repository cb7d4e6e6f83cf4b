import type { Db } from "@/lib/db/client";
import type { Principal } from "./principal";
import { ownershipRefs } from "./teams";

export interface TeamOwnership {
  ref: string;
  count: number;
}

/** Entities owned by each of the principal's teams (for "Owned by my teams"), non-orphans only. */
export async function ownedByMyTeams(db: Db, principal: Principal): Promise<TeamOwnership[]> {
  const refs = (await ownershipRefs(db, principal)).filter((r) => r.startsWith("group:"));
  if (refs.length === 0) return [];
  const rows = await db.$queryRawUnsafe<{ owner: string; n: bigint }[]>(
    `SELECT owner, count(*) AS n FROM catalog_entities
      WHERE owner = ANY($1::text[]) AND NOT orphan GROUP BY owner`,
    refs,
  );
  const counts = new Map(rows.map((r) => [r.owner, Number(r.n)]));
  return refs.map((ref) => ({ ref, count: counts.get(ref) ?? 0 }));
}

/** The catalog list URL filtered to these owners. */
export function ownedByHref(refs: readonly string[]): string {
  const q = new URLSearchParams();
  for (const r of refs) q.append("owner", r);
  return `/catalog?${q.toString()}`;
}
