import type { Entity } from "@/lib/catalog/model/types";
import type { EntityPage, RelatedEntity } from "@/lib/catalog/queries/get-entity-page";
import type { EntitySummary as CatalogSummary } from "@/lib/catalog/queries/list-entities";
import { catalogUrl, type EntityDetailOutput, type EntitySummary } from "../types";

/** `kind:namespace/name` → parts; refs in the catalog tables are canonical. */
export function splitRef(ref: string): { kind: string; namespace: string; name: string } | null {
  const m = /^([^:]+):([^/]+)\/(.+)$/.exec(ref);
  return m ? { kind: m[1], namespace: m[2], name: m[3] } : null;
}

function refUrl(ref: string): string {
  const p = splitRef(ref);
  return p ? catalogUrl(p.kind, p.namespace, p.name) : "/catalog";
}

export function fromCatalogSummary(e: CatalogSummary): EntitySummary {
  return {
    ref: e.ref,
    kind: e.kind,
    namespace: e.namespace,
    name: e.name,
    title: e.title,
    description: e.description,
    type: e.type,
    lifecycle: e.lifecycle,
    owner: e.owner,
    url: catalogUrl(e.kind, e.namespace, e.name),
  };
}

function fromEntity(ref: string, entity: Entity): EntitySummary {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" && v ? v : null);
  const namespace = entity.metadata.namespace || "default";
  return {
    ref,
    kind: entity.kind,
    namespace,
    name: entity.metadata.name,
    title: str(entity.metadata.title),
    description: str(entity.metadata.description),
    type: str(spec.type),
    lifecycle: str(spec.lifecycle),
    owner: str(spec.owner),
    url: catalogUrl(entity.kind, namespace, entity.metadata.name),
  };
}

function ownerEmail(owner: Entity | null): string | null {
  const profile = (owner?.spec as { profile?: { email?: unknown } } | undefined)?.profile;
  return typeof profile?.email === "string" ? profile.email : null;
}

export function notFoundEntity(ref: string): EntityDetailOutput {
  return { ref, found: false, entity: null, owner: null, relations: [], links: [] };
}

const MAX_RELATIONS = 25;

export function toEntityDetail(
  ref: string,
  page: EntityPage,
  ownerEntity: Entity | null,
): EntityDetailOutput {
  const owner: RelatedEntity | null = page.owner;
  return {
    ref,
    found: true,
    entity: fromEntity(ref, page.entity),
    owner: owner
      ? {
          ref: owner.ref,
          title: owner.title ?? owner.name,
          email: ownerEmail(ownerEntity),
          url: refUrl(owner.ref),
        }
      : null,
    relations: page.relations
      .filter((r) => r.relation !== "ownedBy")
      .slice(0, MAX_RELATIONS)
      .map((r) => ({ type: r.relation, targetRef: r.ref, url: refUrl(r.ref) })),
    links: (page.entity.metadata.links ?? [])
      .filter((l) => typeof l.url === "string" && /^https?:\/\//i.test(l.url))
      .map((l) => ({ url: l.url, title: l.title ?? null })),
  };
}
