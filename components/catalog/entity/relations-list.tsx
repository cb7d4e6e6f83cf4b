import type { EntityRelationView } from "@/lib/catalog/queries/get-entity-page";
import { MoreRelated, RelatedLink } from "./related-list";

/** Every relation grouped by type; unresolved targets stay in the list, marked as such. */
export function RelationsList({
  relations,
  totals,
  ownedHref,
}: {
  relations: EntityRelationView[];
  totals: Record<string, number>;
  /** The catalog list of what this entity owns, for the ownerOf overflow. */
  ownedHref?: string;
}) {
  if (!relations.length) return <p className="text-slate-500">No relations.</p>;
  const groups = new Map<string, EntityRelationView[]>();
  for (const r of relations) groups.set(r.relation, [...(groups.get(r.relation) ?? []), r]);
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[10rem_1fr]" data-testid="relations-list">
      {[...groups].map(([type, items]) => (
        <div key={type} className="contents">
          <dt className="font-medium text-slate-500">{type}</dt>
          <dd>
            <ul className="space-y-1">
              {items.map((r) => (
                <li key={r.ref}>
                  <RelatedLink entity={r} />
                </li>
              ))}
            </ul>
            <MoreRelated
              shown={items.length}
              total={totals[type] ?? items.length}
              href={type === "ownerOf" ? ownedHref : undefined}
            />
          </dd>
        </div>
      ))}
    </dl>
  );
}
