"use client";

import Link from "next/link";
import { useState } from "react";

export interface ShellUser {
  name: string;
  role: string;
  authMode: "local" | "oidc";
}

/** Who is signed in, links to tokens and (admins) the audit log, and sign-out in oidc mode. */
export function UserMenu({ user }: { user: ShellUser }) {
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    await fetch("/api/auth/sign-out", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    }).catch(() => {});
    window.location.assign("/sign-in");
  };
  return (
    <div
      className="space-y-1 border-t border-slate-200 px-3 pt-3 text-sm dark:border-slate-800"
      data-testid="user-menu"
    >
      <p className="truncate font-medium" title={user.name}>
        {user.name}
      </p>
      <p className="text-xs text-slate-500">
        {user.role}
        {user.authMode === "local" ? " · local mode" : ""}
      </p>
      <div className="flex flex-wrap gap-x-3 gap-y-1 pt-1 text-xs">
        <Link href="/settings/tokens" className="text-brand-600 hover:underline">
          API tokens
        </Link>
        {user.role === "admin" && (
          <Link href="/admin/audit-log" className="text-brand-600 hover:underline">
            Audit log
          </Link>
        )}
        {user.authMode === "oidc" && (
          <button type="button" onClick={signOut} disabled={busy} className="text-brand-600 hover:underline">
            Sign out
          </button>
        )}
      </div>
    </div>
  );
}
