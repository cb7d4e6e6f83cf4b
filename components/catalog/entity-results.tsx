import Link from "next/link";
import { TableHead } from "@/components/ui/table-head";
import { entityHref, shortRef } from "@/lib/catalog/ui/entity-href";
import type { CatalogListItem } from "@/lib/catalog/ui/list-params";
import { KindBadge, LifecycleBadge, OrphanBadge, TagList } from "./badges";

const link = "font-medium text-brand-700 hover:underline dark:text-brand-500";

function OwnerLink({ owner }: { owner: string | null }) {
  if (!owner) return <span className="text-slate-400">—</span>;
  return (
    <Link href={entityHref(owner)} className="text-slate-700 hover:underline dark:text-slate-300">
      {shortRef(owner, "group")}
    </Link>
  );
}

function NameCell({ item }: { item: CatalogListItem }) {
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      <Link href={entityHref(item)} className={link}>
        {item.title ?? item.name}
      </Link>
      {item.orphan && <OrphanBadge />}
    </span>
  );
}

/** A table on wide screens and a card list on phones, from the same rows. */
export function EntityResults({ items }: { items: CatalogListItem[] }) {
  return (
    <>
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full text-left text-sm">
          <TableHead columns={["Name", "Kind", "Type", "Owner", "Lifecycle", "Tags", "Description"]} />
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {items.map((item) => (
              <tr
                key={item.ref}
                data-ref={item.ref}
                className="align-top hover:bg-slate-50 dark:hover:bg-slate-800/50"
              >
                <td className="px-3 py-2">
                  <NameCell item={item} />
                  {item.namespace !== "default" && (
                    <div className="text-xs text-slate-500">{item.namespace}</div>
                  )}
                </td>
                <td className="px-3 py-2">
                  <KindBadge kind={item.kind} />
                </td>
                <td className="px-3 py-2 text-slate-600 dark:text-slate-300">{item.type ?? "—"}</td>
                <td className="px-3 py-2">
                  <OwnerLink owner={item.owner} />
                </td>
                <td className="px-3 py-2">
                  <LifecycleBadge lifecycle={item.lifecycle} />
                </td>
                <td className="px-3 py-2">
                  <TagList tags={item.tags} max={3} />
                </td>
                <td className="max-w-sm px-3 py-2 text-slate-600 dark:text-slate-400">
                  <p className="line-clamp-2">{item.description}</p>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-3 md:hidden">
        {items.map((item) => (
          <li
            key={item.ref}
            data-ref={item.ref}
            className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
          >
            <div className="flex items-start justify-between gap-2">
              <NameCell item={item} />
              <KindBadge kind={item.kind} />
            </div>
            {item.description && (
              <p className="mt-1 line-clamp-2 text-sm text-slate-600 dark:text-slate-400">
                {item.description}
              </p>
            )}
            <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-500">
              {item.type && <span>{item.type}</span>}
              <LifecycleBadge lifecycle={item.lifecycle} />
              <OwnerLink owner={item.owner} />
            </div>
            <div className="mt-2">
              <TagList tags={item.tags} />
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
