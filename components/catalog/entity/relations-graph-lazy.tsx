"use client";

import dynamic from "next/dynamic";

/**
 * The graph renders in the browser only: React Flow measures its nodes there anyway, and
 * server-rendering 40 nodes cost tens of ms per entity page plus their markup twice (HTML and
 * RSC payload). The placeholder keeps the card's height so the page does not jump.
 */
export const RelationsGraphLazy = dynamic(() => import("./relations-graph").then((m) => m.RelationsGraph), {
  ssr: false,
  loading: () => (
    <div
      className="grid h-[28rem] place-items-center rounded-lg border border-slate-200 text-sm text-slate-500 dark:border-slate-800"
      aria-busy="true"
    >
      Loading relations graph…
    </div>
  ),
});
