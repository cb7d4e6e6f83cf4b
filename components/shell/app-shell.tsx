"use client";

import Link from "next/link";
import { type ReactNode, useState } from "react";
import { type ShellUser, UserMenu } from "@/components/access/user-menu";
import { GlobalSearch } from "@/components/search/global-search";
import { SearchTrigger } from "@/components/search/search-trigger";
import { NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";

function Brand() {
  return (
    <Link href="/" className="flex items-center gap-2 text-lg font-semibold text-slate-900 dark:text-white">
      <span className="grid size-8 place-items-center rounded-lg bg-brand-600 text-white" aria-hidden>
        P
      </span>
      Portico
    </Link>
  );
}

/** Sidebar on wide screens, a top bar with a slide-down menu on narrow ones. */
export function AppShell({
  children,
  version,
  user,
}: {
  children: ReactNode;
  version: string;
  user?: ShellUser | null;
}) {
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <div className="min-h-dvh bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <aside className="fixed inset-y-0 left-0 hidden w-60 flex-col border-r border-slate-200 bg-white px-3 py-4 lg:flex dark:border-slate-800 dark:bg-slate-900">
        <div className="flex items-center justify-between px-2">
          <Brand />
          <ThemeToggle />
        </div>
        <div className="mt-5 px-1">
          <SearchTrigger />
        </div>
        <nav aria-label="Main" className="mt-4 flex-1">
          <NavLinks />
        </nav>
        {user && <UserMenu user={user} />}
        <p className="px-3 pt-2 text-xs text-slate-400">v{version}</p>
      </aside>
      <header className="sticky top-0 z-30 flex items-center justify-between border-b border-slate-200 bg-white/90 px-4 py-3 backdrop-blur lg:hidden dark:border-slate-800 dark:bg-slate-900/90">
        <Brand />
        <div className="flex items-center gap-1">
          <SearchTrigger compact />
          <ThemeToggle />
          <button
            type="button"
            aria-label="Open menu"
            aria-expanded={menuOpen}
            aria-controls="mobile-nav"
            onClick={() => setMenuOpen((o) => !o)}
            className="rounded-md p-2 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            <svg
              viewBox="0 0 24 24"
              className="size-6"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              aria-hidden
            >
              <path d={menuOpen ? "M6 6l12 12M18 6L6 18" : "M4 6h16M4 12h16M4 18h16"} />
            </svg>
          </button>
        </div>
      </header>
      {menuOpen && (
        <nav
          id="mobile-nav"
          aria-label="Main"
          className="border-b border-slate-200 bg-white px-3 py-3 lg:hidden dark:border-slate-800 dark:bg-slate-900"
        >
          <NavLinks onNavigate={() => setMenuOpen(false)} />
          {user && <UserMenu user={user} />}
        </nav>
      )}
      <GlobalSearch />
      <main id="main" className="lg:pl-60">
        <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8">{children}</div>
      </main>
    </div>
  );
}
