import { findLocation } from "@/lib/catalog/ingest/locations";
import { tryCanonicalRef } from "@/lib/catalog/model/entity-ref";
import { parseLocationInput } from "@/lib/catalog/service/location-service";
import { getServerConfig } from "@/lib/config/server-config";
import type { Db } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import type { Logger } from "@/lib/log/logger";
import { auditRequest } from "./audit";
import { authorizeCatalog, countPastedLocations, recordLocationRegistrant } from "./catalog-permissions";
import type { Principal } from "./principal";

/**
 * The catalog routes' access steps, so each route adds one call before and one
 * after its domain call: permission and quota checks, registrant bookkeeping,
 * audit entries.
 */

async function existingLocationId(db: Db, input: { type?: string; target: string }): Promise<string | null> {
  try {
    return (await findLocation(db, parseLocationInput(input)))?.id ?? null;
  } catch {
    // An unparsable target is the handler's 400 to report.
    return null;
  }
}

/** Re-registering an existing location refreshes it, which needs the same permission as a refresh. */
export async function guardLocationWrite(
  db: Db,
  principal: Principal,
  body: { yaml?: string; url?: string; locationId?: string; type?: string; target?: string },
): Promise<void> {
  if (body.locationId) {
    await authorizeCatalog(db, principal, "catalog.location.refresh", body.locationId);
    return;
  }
  const target = body.url ?? body.target;
  if (target !== undefined && body.yaml === undefined) {
    const id = await existingLocationId(db, { type: body.url !== undefined ? "url" : body.type, target });
    if (id) await authorizeCatalog(db, principal, "catalog.location.refresh", id);
    return;
  }
  if (body.yaml !== undefined) {
    const limit = getServerConfig().auth.quotas.pastedLocations;
    if ((await countPastedLocations(db, principal)) >= limit) {
      throw new ApiError(
        403,
        "quota_exceeded",
        `You have ${limit} pasted locations, the limit (PORTICO_QUOTA_PASTED_LOCATIONS); delete one or register by URL`,
        { quota: "pasted_locations", limit },
      );
    }
  }
}

export async function afterLocationRegistered(
  db: Db,
  req: Request,
  principal: Principal,
  location: { id: string; type: string; target: string },
  details: Record<string, unknown>,
  log: Logger,
): Promise<void> {
  await recordLocationRegistrant(db, principal, location.id);
  await auditRequest(
    db,
    req,
    principal,
    {
      action: "catalog.location.register",
      target: location.id,
      details: { type: location.type, target: location.target, ...details },
    },
    log,
  );
}

/** `POST /refresh` names an entity; the permission is on the location it comes from. */
export async function guardEntityRefresh(db: Db, principal: Principal, entityRef: string): Promise<void> {
  const ref = tryCanonicalRef(entityRef);
  if (!ref) return;
  const rows = await db.$queryRawUnsafe<{ location_id: string | null }[]>(
    `SELECT location_id::text FROM catalog_entities WHERE ref = $1`,
    ref,
  );
  const locationId = rows[0]?.location_id;
  if (locationId) await authorizeCatalog(db, principal, "catalog.location.refresh", locationId);
}

export async function auditCatalog(
  db: Db,
  req: Request,
  principal: Principal,
  action: "catalog.location.delete" | "catalog.entity.delete" | "catalog.entity.refresh",
  target: string,
  log: Logger,
  details?: Record<string, unknown>,
): Promise<void> {
  await auditRequest(db, req, principal, { action, target, details }, log);
}
