import Link from "next/link";
import { TableHead } from "@/components/ui/table-head";
import { entityHref } from "@/lib/catalog/ui/entity-href";
import { KindBadge } from "../badges";
import type { RegisterEntity } from "./register-types";

/** Entities of an analysis (links once imported). */
export function PreviewTable({ entities, imported }: { entities: RegisterEntity[]; imported: boolean }) {
  if (!entities.length) return <p className="text-sm text-slate-500">No valid entities found.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table
        className="w-full text-left text-sm"
        data-testid={imported ? "imported-entities" : "preview-entities"}
      >
        <TableHead columns={["Entity", "Kind", "Document", "Status"]} />
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {entities.map((e) => (
            <tr key={e.entityRef}>
              <td className="px-3 py-2 font-mono text-xs">
                {imported ? (
                  <Link
                    href={entityHref(e.entityRef)}
                    className="text-brand-700 hover:underline dark:text-brand-500"
                  >
                    {e.entityRef}
                  </Link>
                ) : (
                  e.entityRef
                )}
              </td>
              <td className="px-3 py-2">
                <KindBadge kind={e.entity.kind} />
              </td>
              <td className="px-3 py-2 tabular-nums">{e.documentIndex}</td>
              <td className="px-3 py-2 text-slate-600 dark:text-slate-300">
                {imported
                  ? e.exists
                    ? "updated"
                    : "imported"
                  : e.exists
                    ? "exists — will be updated"
                    : "new"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
