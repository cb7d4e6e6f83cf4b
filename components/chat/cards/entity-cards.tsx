import Link from "next/link";
import type { EntityDetailOutput, EntitySearchOutput, EntitySummary } from "@/lib/chat/types";
import { Card, Muted } from "./card";

const link = "font-medium text-brand-600 underline dark:text-brand-500";

function EntityHeading({ entity }: { entity: EntitySummary }) {
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs dark:bg-slate-700">{entity.kind}</span>
      <Link href={entity.url} className={link}>
        {entity.title ?? entity.name}
      </Link>
      {entity.type && <span className="text-xs text-slate-500 dark:text-slate-400">{entity.type}</span>}
      {entity.lifecycle && (
        <span className="text-xs text-slate-500 dark:text-slate-400">· {entity.lifecycle}</span>
      )}
    </span>
  );
}

export function EntityCard({ output }: { output: EntityDetailOutput }) {
  if (!output.found || !output.entity) {
    return (
      <Card testId="entity-card" title="Catalog entity">
        <Muted>No catalog entity {output.ref}.</Muted>
      </Card>
    );
  }
  return (
    <Card testId="entity-card" title={<EntityHeading entity={output.entity} />}>
      {output.entity.description && <p>{output.entity.description}</p>}
      <p>
        <span className="font-semibold">Owner: </span>
        {output.owner ? (
          <>
            <Link href={output.owner.url} className={link}>
              {output.owner.title ?? output.owner.ref}
            </Link>
            {output.owner.email && (
              <a
                href={`mailto:${output.owner.email}`}
                className="ml-2 text-xs text-slate-500 underline dark:text-slate-400"
              >
                {output.owner.email}
              </a>
            )}
          </>
        ) : (
          <span className="text-slate-500">none recorded</span>
        )}
      </p>
      {output.relations.length > 0 && (
        <div>
          <p className="text-xs font-semibold">Relations</p>
          <ul className="mt-1 flex flex-wrap gap-1">
            {output.relations.map((r) => (
              <li key={`${r.type}-${r.targetRef}`}>
                <Link
                  href={r.url}
                  className="inline-block rounded border border-slate-200 px-1.5 py-0.5 text-xs hover:border-brand-500 dark:border-slate-700"
                >
                  <span className="text-slate-500 dark:text-slate-400">{r.type}</span> {r.targetRef}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {output.links.length > 0 && (
        <ul className="flex flex-wrap gap-3 text-xs">
          {output.links.map((l) => (
            <li key={l.url}>
              <a href={l.url} target="_blank" rel="noreferrer noopener" className={link}>
                {l.title ?? l.url}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function EntityListCard({ output }: { output: EntitySearchOutput }) {
  return (
    <Card testId="entity-list-card" title={`Catalog matches for “${output.query}”`}>
      {output.results.length === 0 ? (
        <Muted>Nothing in the catalog matches.</Muted>
      ) : (
        <ul className="space-y-1">
          {output.results.map((e) => (
            <li key={e.ref}>
              <EntityHeading entity={e} />
              {e.owner && <Muted>owner {e.owner}</Muted>}
            </li>
          ))}
        </ul>
      )}
      {output.total > output.results.length && (
        <Muted>{output.total - output.results.length} more not shown.</Muted>
      )}
    </Card>
  );
}
