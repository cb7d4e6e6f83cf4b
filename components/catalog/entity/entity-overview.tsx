import Link from "next/link";
import { ANNOTATION_LOCATION } from "@/lib/catalog/model/constants";
import { safeLinkHref } from "@/lib/catalog/model/link-href";
import type { Entity } from "@/lib/catalog/model/types";
import { entityHref, shortRef } from "@/lib/catalog/ui/entity-href";
import { Card } from "./card";

const specString = (e: Entity, key: string) =>
  typeof e.spec?.[key] === "string" ? (e.spec[key] as string) : undefined;

function RefLink({ value, defaultKind }: { value: string | undefined; defaultKind: string }) {
  if (!value) return <span className="text-slate-400">—</span>;
  const ref = value.includes(":") ? value : `${defaultKind}:${value}`;
  return (
    <Link href={entityHref(ref)} className="text-brand-700 hover:underline dark:text-brand-500">
      {shortRef(ref, defaultKind)}
    </Link>
  );
}

/** Description, system, domain, type, lifecycle and where the entity comes from. */
export function AboutCard({ entity }: { entity: Entity }) {
  const source = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  const rows: Array<[string, React.ReactNode]> = [
    ["Type", specString(entity, "type") ?? "—"],
    ["Lifecycle", specString(entity, "lifecycle") ?? "—"],
  ];
  if (specString(entity, "system") || ["component", "api", "resource"].includes(entity.kind.toLowerCase()))
    rows.push(["System", <RefLink key="s" value={specString(entity, "system")} defaultKind="system" />]);
  if (specString(entity, "domain") || entity.kind.toLowerCase() === "system")
    rows.push(["Domain", <RefLink key="d" value={specString(entity, "domain")} defaultKind="domain" />]);
  rows.push(["Namespace", entity.metadata.namespace ?? "default"]);
  return (
    <Card title="About" testId="about-card">
      <p className="text-slate-700 dark:text-slate-300">{entity.metadata.description ?? "No description."}</p>
      <dl className="mt-3 grid grid-cols-[7rem_1fr] gap-x-4 gap-y-1.5">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        <dt className="text-slate-500">Source</dt>
        <dd className="break-all font-mono text-xs" data-testid="source-location">
          {source ?? "—"}
        </dd>
      </dl>
    </Card>
  );
}

export function LinksCard({ entity }: { entity: Entity }) {
  const links = entity.metadata.links ?? [];
  if (!links.length) return null;
  return (
    <Card title="Links">
      <ul className="space-y-1">
        {links.map((l) => {
          const href = safeLinkHref(l.url);
          return (
            <li key={l.url}>
              {href ? (
                <a
                  href={href}
                  target="_blank"
                  rel="noreferrer noopener"
                  className="text-brand-700 hover:underline dark:text-brand-500"
                >
                  {l.title ?? l.url}
                </a>
              ) : (
                // Stored before ingest rejected such schemes: shown, never followed.
                <span className="text-slate-500" title="Not a web or mail link">
                  {l.title ? `${l.title} (${String(l.url)})` : String(l.url)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

export function AnnotationsCard({ entity }: { entity: Entity }) {
  const annotations = Object.entries(entity.metadata.annotations ?? {});
  const labels = Object.entries(entity.metadata.labels ?? {});
  if (!annotations.length && !labels.length) return null;
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <summary className="cursor-pointer text-sm font-semibold uppercase tracking-wide text-slate-500">
        Annotations and labels ({annotations.length + labels.length})
      </summary>
      <dl className="mt-3 space-y-1 font-mono text-xs">
        {[...labels, ...annotations].map(([k, v]) => (
          <div key={k} className="break-all">
            <dt className="inline text-slate-500">{k}: </dt>
            <dd className="inline">{v}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
