import Link from "next/link";
import type { RelatedEntity } from "@/lib/catalog/queries/get-entity-page";
import { entityHref, shortRef } from "@/lib/catalog/ui/entity-href";

/** A linked entity, or a visibly dangling reference when the target is not in the catalog. */
export function RelatedLink({ entity }: { entity: RelatedEntity }) {
  const label = entity.title ?? entity.name ?? shortRef(entity.ref);
  if (!entity.resolved) {
    return (
      <span className="inline-flex flex-wrap items-center gap-1.5" data-unresolved={entity.ref}>
        <span className="font-mono text-slate-600 line-through decoration-rose-400 dark:text-slate-400">
          {entity.ref}
        </span>
        <span className="rounded bg-rose-100 px-1.5 py-0.5 text-xs font-medium text-rose-700 dark:bg-rose-950 dark:text-rose-300">
          not in catalog
        </span>
      </span>
    );
  }
  return (
    <Link
      href={entityHref(entity.ref)}
      className="font-medium text-brand-700 hover:underline dark:text-brand-500"
    >
      {label}
      {entity.kind && <span className="ml-1.5 text-xs font-normal text-slate-500">{entity.kind}</span>}
    </Link>
  );
}

/** "…and N more", linking to the full list when there is one (the page shows only the first of each type). */
export function MoreRelated({ shown, total, href }: { shown: number; total: number; href?: string }) {
  if (total <= shown) return null;
  const text = `…and ${(total - shown).toLocaleString("en")} more`;
  return (
    <p className="mt-1 text-sm text-slate-500" data-testid="more-related">
      {href ? (
        <Link href={href} className="text-brand-700 hover:underline dark:text-brand-500">
          {text}
        </Link>
      ) : (
        text
      )}
    </p>
  );
}

export function RelatedList({
  items,
  empty,
  total = items.length,
  moreHref,
}: {
  items: RelatedEntity[];
  empty: string;
  total?: number;
  moreHref?: string;
}) {
  if (!items.length) return <p className="text-slate-500">{empty}</p>;
  return (
    <>
      <ul className="space-y-1">
        {items.map((e) => (
          <li key={e.ref}>
            <RelatedLink entity={e} />
          </li>
        ))}
      </ul>
      <MoreRelated shown={items.length} total={total} href={moreHref} />
    </>
  );
}
