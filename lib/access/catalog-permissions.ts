import type { Db } from "@/lib/db/client";
import { forbidden } from "./errors";
import type { Principal } from "./principal";
import { ownershipRefs } from "./teams";

/**
 * Catalog permissions in one place, in the spirit of Backstage's permission
 * framework (`catalog.entity.delete` with the `isEntityOwner` rule): the
 * `catalog:write` scope lets a principal register things; deleting an entity
 * or a location, or refreshing a location, additionally needs ownership.
 *
 * - admin: always.
 * - entity: its `spec.owner` is one of the principal's ownership refs
 *   (their User entity or a group they belong to).
 * - location: the principal registered it, or every owner of the entities it
 *   manages is one of theirs. A location whose entities name no owner belongs to
 *   no team, so any catalog writer may manage it.
 */
export type CatalogPermission =
  | "catalog.entity.delete"
  | "catalog.location.delete"
  | "catalog.location.refresh";

export const LOCATION_OWNER_KIND = "catalog-location";

export interface Decision {
  allowed: boolean;
  reason: string;
}

export async function isEntityOwner(
  db: Db,
  principal: Principal,
  entityOwner: string | null,
): Promise<boolean> {
  if (!entityOwner) return false;
  return (await ownershipRefs(db, principal)).includes(entityOwner.toLowerCase());
}

export async function decideEntityDelete(db: Db, principal: Principal, uid: string): Promise<Decision> {
  if (principal.role === "admin") return { allowed: true, reason: "admin" };
  const rows = await db.$queryRawUnsafe<{ owner: string | null; location_id: string | null }[]>(
    `SELECT owner, location_id::text FROM catalog_entities WHERE id = $1::uuid`,
    uid,
  );
  // Unknown entities fall through to the handler's 404.
  if (rows.length === 0) return { allowed: true, reason: "no such entity" };
  const { owner, location_id: locationId } = rows[0];
  if (await isEntityOwner(db, principal, owner)) return { allowed: true, reason: "owner" };
  if (!owner && locationId && (await registeredBy(db, locationId)) === principal.id) {
    return { allowed: true, reason: "registered its location" };
  }
  return { allowed: false, reason: owner ? `it is owned by ${owner}` : "it has no owner" };
}

async function registeredBy(db: Db, locationId: string): Promise<string | null> {
  const row = await db.accessResourceOwner.findUnique({
    where: { kind_resourceId: { kind: LOCATION_OWNER_KIND, resourceId: locationId } },
  });
  return row?.principalId ?? null;
}

export async function decideLocationChange(
  db: Db,
  principal: Principal,
  locationId: string,
): Promise<Decision> {
  if (principal.role === "admin") return { allowed: true, reason: "admin" };
  if ((await registeredBy(db, locationId)) === principal.id)
    return { allowed: true, reason: "registered it" };
  const rows = await db.$queryRawUnsafe<{ owner: string }[]>(
    `SELECT DISTINCT owner FROM catalog_entities WHERE location_id = $1::uuid AND owner IS NOT NULL`,
    locationId,
  );
  if (rows.length === 0) return { allowed: true, reason: "no team owns its entities" };
  const mine = new Set(await ownershipRefs(db, principal));
  const others = rows.map((r) => r.owner).filter((o) => !mine.has(o));
  if (others.length === 0) return { allowed: true, reason: "owner" };
  return { allowed: false, reason: `its entities are owned by ${others.slice(0, 5).join(", ")}` };
}

const VERB: Record<CatalogPermission, string> = {
  "catalog.entity.delete": "delete this entity",
  "catalog.location.delete": "delete this location",
  "catalog.location.refresh": "refresh this location",
};

/** Throws 403 naming the rule that failed. */
export async function authorizeCatalog(
  db: Db,
  principal: Principal,
  permission: CatalogPermission,
  id: string,
): Promise<void> {
  const decision =
    permission === "catalog.entity.delete"
      ? await decideEntityDelete(db, principal, id)
      : await decideLocationChange(db, principal, id);
  if (!decision.allowed) {
    throw forbidden(`You cannot ${VERB[permission]}: ${decision.reason}, and you are not an admin`, {
      permission,
    });
  }
}

/** Remembers who registered a location (creators may manage what they registered; quotas count it). */
export async function recordLocationRegistrant(
  db: Db,
  principal: Principal,
  locationId: string,
): Promise<void> {
  // INSERT ... ON CONFLICT DO NOTHING: the first registrant stays. Prisma's upsert here is a
  // read then an insert, and two replicas registering the same paste at once made the second
  // fail with a unique violation (500).
  await db.accessResourceOwner.createMany({
    data: [{ kind: LOCATION_OWNER_KIND, resourceId: locationId, principalId: principal.id }],
    skipDuplicates: true,
  });
}

/** Pasted-YAML locations a principal registered that still exist. */
export async function countPastedLocations(db: Db, principal: Principal): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM access_resource_owners o JOIN catalog_locations l ON l.id::text = o.resource_id
      WHERE o.kind = $1 AND o.principal_id = $2 AND l.type = 'file'`,
    LOCATION_OWNER_KIND,
    principal.id,
  );
  return Number(rows[0]?.n ?? 0);
}
