"use client";

import { useState } from "react";

/** Starts the OIDC authorization-code flow (Better Auth answers with the IdP URL to visit). */
export function SignInButton() {
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  const start = async () => {
    setState("busy");
    try {
      const res = await fetch("/api/auth/sign-in/social", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ provider: "oidc", callbackURL: "/", errorCallbackURL: "/sign-in" }),
      });
      const body = (await res.json().catch(() => null)) as { url?: string } | null;
      if (!res.ok || !body?.url) throw new Error(String(res.status));
      window.location.assign(body.url);
    } catch {
      setState("failed");
    }
  };
  return (
    <div className="space-y-3">
      <button
        type="button"
        onClick={start}
        disabled={state === "busy"}
        className="w-full rounded-lg bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {state === "busy" ? "Redirecting…" : "Sign in with single sign-on"}
      </button>
      {state === "failed" && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          The identity provider is not reachable right now. API tokens keep working; try again shortly.
        </p>
      )}
    </div>
  );
}
