"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Icon } from "@/components/ui/icon";
import { pageNeedsEval } from "@/lib/http/security-headers";
import { navItems } from "./nav-items";

export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-1">
      {navItems.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        // /create gets its own CSP (lib/http/security-headers.ts pageNeedsEval); a CSP belongs
        // to the document, so entering it must load a new document rather than navigate softly.
        const Anchor = pageNeedsEval(item.href) ? "a" : Link;
        return (
          <li key={item.href}>
            <Anchor
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium ${
                active
                  ? "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-white"
                  : "text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
              }`}
            >
              <Icon path={item.icon} className="size-5 shrink-0" />
              {item.label}
            </Anchor>
          </li>
        );
      })}
    </ul>
  );
}
