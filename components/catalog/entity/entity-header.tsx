import Link from "next/link";
import type { Entity } from "@/lib/catalog/model/types";
import type { RelatedEntity } from "@/lib/catalog/queries/get-entity-page";
import { entityHref, shortRef } from "@/lib/catalog/ui/entity-href";
import { KindBadge, LifecycleBadge, OrphanBadge, TagList } from "../badges";

export function EntityHeader({
  entity,
  owner,
  orphan,
}: {
  entity: Entity;
  owner: RelatedEntity | null;
  orphan: boolean;
}) {
  const spec = entity.spec ?? {};
  const lifecycle = typeof spec.lifecycle === "string" ? spec.lifecycle : undefined;
  const type = typeof spec.type === "string" ? spec.type : undefined;
  return (
    <header className="mb-6">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/catalog" className="hover:underline">
          Catalog
        </Link>{" "}
        /{" "}
        <Link href={`/catalog?kind=${entity.kind.toLowerCase()}`} className="hover:underline">
          {entity.kind}
        </Link>
      </nav>
      <div className="flex flex-wrap items-center gap-2">
        <KindBadge kind={type ? `${entity.kind} · ${type}` : entity.kind} />
        <LifecycleBadge lifecycle={lifecycle} />
        {orphan && <OrphanBadge />}
      </div>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">
        {entity.metadata.title ?? entity.metadata.name}
      </h1>
      <p className="mt-1 font-mono text-xs text-slate-500">
        {entity.kind.toLowerCase()}:{entity.metadata.namespace ?? "default"}/{entity.metadata.name}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
        {owner && (
          <p data-testid="entity-owner">
            <span className="text-slate-500">Owner </span>
            {owner.resolved ? (
              <Link
                href={entityHref(owner.ref)}
                className="font-medium text-brand-700 hover:underline dark:text-brand-500"
              >
                {owner.title ?? owner.name ?? shortRef(owner.ref, "group")}
              </Link>
            ) : (
              <span className="font-mono">{owner.ref} (not in catalog)</span>
            )}
          </p>
        )}
        <TagList tags={entity.metadata.tags ?? []} max={12} />
      </div>
    </header>
  );
}
