"use client";

import Link from "next/link";
import { MarkdownView } from "@/components/markdown/markdown-view";
import { catalogHref, humanizeEntityRef } from "./entity-ref";
import type { TaskOutput } from "./types";
import { linkClass } from "./ui";

function safeUrl(url: string): boolean {
  return /^https?:\/\//i.test(url) || url.startsWith("/");
}

/** Output links (a URL, or an entityRef opened in the catalog) and Markdown text blocks. */
export function OutputView({ output, dryRun }: { output: TaskOutput | undefined; dryRun?: boolean }) {
  const links = output?.links ?? [];
  const texts = output?.text ?? [];
  if (!links.length && !texts.length)
    return <p className="text-sm text-slate-500">The template has no output.</p>;
  return (
    <div className="space-y-4">
      {links.length > 0 && (
        <ul aria-label="Output links" className="flex flex-wrap gap-2">
          {links.map((l, i) => {
            const href = l.entityRef ? catalogHref(l.entityRef) : l.url;
            const title = l.title ?? (l.entityRef ? humanizeEntityRef(l.entityRef) : l.url) ?? "Link";
            const key = `${i}:${title}`;
            if (!href || dryRun || !safeUrl(href))
              return (
                <li
                  key={key}
                  className="rounded-lg border border-slate-200 px-3 py-2 text-sm dark:border-slate-700"
                >
                  <span className="font-medium">{title}</span>
                  {(l.url || l.entityRef) && (
                    <span className="ml-2 font-mono text-xs text-slate-500">{l.entityRef ?? l.url}</span>
                  )}
                </li>
              );
            return (
              <li key={key}>
                {href.startsWith("/") ? (
                  <Link
                    href={href}
                    className={`inline-flex rounded-lg border border-slate-200 px-3 py-2 text-sm dark:border-slate-700 ${linkClass}`}
                  >
                    {title}
                  </Link>
                ) : (
                  <a
                    href={href}
                    target="_blank"
                    rel="noreferrer noopener"
                    className={`inline-flex rounded-lg border border-slate-200 px-3 py-2 text-sm dark:border-slate-700 ${linkClass}`}
                  >
                    {title}
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {texts.map((t, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: output text blocks have no identity beyond position.
        <section key={i} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          {t.title && <h3 className="text-sm font-semibold">{t.title}</h3>}
          <MarkdownView markdown={t.content ?? ""} />
        </section>
      ))}
    </div>
  );
}
