"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { TagList } from "@/components/catalog/badges";
import { fetchTemplates, templatesKey } from "./api";
import { catalogHref, humanizeEntityRef, stringifyEntityRef } from "./entity-ref";
import type { CatalogEntity } from "./types";
import { alertClass, inputClass, linkClass, primaryButton } from "./ui";

interface TemplateCardData {
  ref: string;
  namespace: string;
  name: string;
  title: string;
  description: string;
  type: string;
  owner?: string;
  tags: string[];
}

function toCard(e: CatalogEntity): TemplateCardData {
  const namespace = e.metadata.namespace ?? "default";
  const ownerRel = e.relations?.find((r) => r.type === "ownedBy")?.targetRef;
  const specOwner = typeof e.spec?.owner === "string" ? (e.spec.owner as string) : undefined;
  return {
    ref: stringifyEntityRef({ kind: "template", namespace, name: e.metadata.name }),
    namespace,
    name: e.metadata.name,
    title: e.metadata.title ?? e.metadata.name,
    description: e.metadata.description ?? "",
    type: typeof e.spec?.type === "string" ? (e.spec.type as string) : "other",
    owner: ownerRel ?? (specOwner ? stringifyEntityRef({ kind: "group", name: specOwner }) : undefined),
    tags: e.metadata.tags ?? [],
  };
}

function matches(card: TemplateCardData, text: string): boolean {
  if (!text) return true;
  const hay =
    `${card.title} ${card.name} ${card.description} ${card.type} ${card.tags.join(" ")}`.toLowerCase();
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}

function toggle(list: string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** /create: every Template entity as a card, filtered in the browser (templates number in the tens). */
export function TemplateGallery() {
  const query = useQuery({ queryKey: templatesKey, queryFn: ({ signal }) => fetchTemplates(signal) });
  const [text, setText] = useState("");
  const [tags, setTags] = useState<string[]>([]);
  const [owner, setOwner] = useState("");
  const cards = useMemo(() => (query.data?.items ?? []).map(toCard), [query.data]);
  const allTags = useMemo(() => [...new Set(cards.flatMap((c) => c.tags))].sort(), [cards]);
  const owners = useMemo(
    () => [...new Set(cards.map((c) => c.owner).filter((o): o is string => !!o))].sort(),
    [cards],
  );
  const shown = cards.filter(
    (c) => matches(c, text) && tags.every((t) => c.tags.includes(t)) && (!owner || c.owner === owner),
  );

  return (
    <div className="grid gap-6 lg:grid-cols-[15rem_1fr]">
      <aside aria-label="Template filters" className="space-y-5 lg:sticky lg:top-6 lg:self-start">
        <label className="block">
          <span className="mb-1 block text-xs font-semibold uppercase tracking-wide text-slate-500">
            Owner
          </span>
          <select
            value={owner}
            onChange={(e) => setOwner(e.target.value)}
            className={inputClass}
            aria-label="Filter by owner"
          >
            <option value="">All owners</option>
            {owners.map((o) => (
              <option key={o} value={o}>
                {humanizeEntityRef(o, { defaultKind: "group" })}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Tags</legend>
          {allTags.length === 0 && <p className="text-sm text-slate-500">No tags</p>}
          <ul className="space-y-1">
            {allTags.map((t) => (
              <li key={t}>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={tags.includes(t)}
                    onChange={() => setTags((list) => toggle(list, t))}
                    className="accent-brand-600"
                  />
                  {t}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </aside>
      <section aria-label="Templates" className="min-w-0">
        <label className="block">
          <span className="sr-only">Search templates</span>
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Search templates by name, description, tag…"
            className={inputClass}
          />
        </label>
        <p className="mt-4 mb-2 text-sm text-slate-500 dark:text-slate-400" role="status">
          {query.data
            ? `${shown.length} of ${cards.length} ${cards.length === 1 ? "template" : "templates"}`
            : "Loading…"}
        </p>
        {query.isError && (
          <p role="alert" className={alertClass}>
            {(query.error as Error).message}
          </p>
        )}
        {query.data && shown.length === 0 && (
          <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
            <p className="font-medium">
              {cards.length ? "No templates match" : "No templates registered yet"}
            </p>
            <p className="mt-1 text-sm text-slate-500">
              {cards.length ? (
                "Try removing a filter or changing the search."
              ) : (
                <>
                  Register a <code>template.yaml</code> in the{" "}
                  <Link href="/catalog/register" className={linkClass}>
                    catalog
                  </Link>
                  .
                </>
              )}
            </p>
          </div>
        )}
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {shown.map((c) => (
            <li key={c.ref} data-ref={c.ref}>
              <article
                aria-labelledby={`tpl-${c.namespace}-${c.name}`}
                className="flex h-full flex-col rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
              >
                <p className="text-xs font-medium uppercase tracking-wide text-brand-700 dark:text-brand-500">
                  {c.type}
                </p>
                <h2 id={`tpl-${c.namespace}-${c.name}`} className="mt-1 text-base font-semibold">
                  {c.title}
                </h2>
                <p className="mt-1 line-clamp-3 flex-1 text-sm text-slate-600 dark:text-slate-400">
                  {c.description}
                </p>
                <div className="mt-3">
                  <TagList tags={c.tags} max={5} />
                </div>
                <div className="mt-4 flex items-center justify-between gap-2 border-t border-slate-100 pt-3 text-sm dark:border-slate-800">
                  {c.owner ? (
                    <Link
                      href={catalogHref(c.owner) ?? "#"}
                      className="text-slate-600 hover:underline dark:text-slate-300"
                    >
                      {humanizeEntityRef(c.owner, { defaultKind: "group" })}
                    </Link>
                  ) : (
                    <span className="text-slate-400">No owner</span>
                  )}
                  <Link
                    href={`/create/templates/${encodeURIComponent(c.namespace)}/${encodeURIComponent(c.name)}`}
                    className={primaryButton}
                    aria-label={`Choose ${c.title}`}
                  >
                    Choose
                  </Link>
                </div>
              </article>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
