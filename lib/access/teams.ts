import type { Db } from "@/lib/db/client";
import type { Principal } from "./principal";

const TTL_MS = 30_000;
const cache = new Map<string, { at: number; refs: string[] }>();

/** An IdP group name as the catalog group it most likely is (`platform` → `group:default/platform`). */
export function groupRefFromName(name: string): string {
  const lower = name.trim().toLowerCase();
  if (lower.startsWith("group:")) return lower;
  return `group:${lower.includes("/") ? lower : `default/${lower}`}`;
}

/**
 * The refs a principal owns things through, as Backstage's ownership
 * resolution does: the person's catalog `User` entity (matched by email) and
 * the groups it is a member of (`memberOf`, or a group's `members`), plus the
 * IdP's groups claim mapped to group refs. Cached briefly: it runs on every
 * ownership check and on the home page.
 */
export async function ownershipRefs(db: Db, principal: Principal): Promise<string[]> {
  const key = `${principal.id}|${principal.idpGroups.join(",")}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.refs;
  const refs = new Set(principal.idpGroups.map(groupRefFromName));
  if (principal.email) {
    const users = await db.$queryRawUnsafe<{ ref: string }[]>(
      `SELECT ref FROM catalog_entities
        WHERE kind IN ('User', 'user') AND lower(entity #>> '{spec,profile,email}') = $1
        LIMIT 5`,
      principal.email.toLowerCase(),
    );
    for (const { ref } of users) {
      refs.add(ref);
      const groups = await db.$queryRawUnsafe<{ ref: string }[]>(
        `SELECT target_ref AS ref FROM catalog_relations WHERE source_ref = $1 AND type = 'memberOf'
         UNION SELECT source_ref FROM catalog_relations WHERE target_ref = $1 AND type = 'hasMember'`,
        ref,
      );
      for (const g of groups) refs.add(g.ref);
    }
  }
  const list = [...refs].sort();
  if (cache.size > 5_000) cache.clear();
  cache.set(key, { at: Date.now(), refs: list });
  return list;
}

/** Tests only. */
export function clearOwnershipCache(): void {
  cache.clear();
}
