"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Orphans are never deleted automatically; this is the explicit, confirmed delete. */
export function OrphanBanner({ uid, entityName }: { uid: string | undefined; entityName: string }) {
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const remove = async () => {
    if (!uid || !window.confirm(`Delete ${entityName} from the catalog? This cannot be undone.`)) return;
    setState({ busy: true });
    try {
      const res = await fetch(`/api/catalog/entities/by-uid/${encodeURIComponent(uid)}`, {
        method: "DELETE",
      });
      if (!res.ok && res.status !== 404) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `Delete failed (${res.status})`);
      }
      router.push("/catalog");
      router.refresh();
    } catch (e) {
      setState({ busy: false, error: (e as Error).message });
    }
  };
  return (
    <div
      role="alert"
      className="flex flex-col gap-3 rounded-lg border border-rose-200 bg-rose-50 p-4 text-sm text-rose-900 sm:flex-row sm:items-center sm:justify-between dark:border-rose-900 dark:bg-rose-950 dark:text-rose-200"
    >
      <div>
        <p className="font-semibold">This entity is an orphan</p>
        <p>
          The location that provided it no longer contains it. It stays in the catalog until you delete it.
        </p>
        {state.error && <p className="mt-1 font-medium">{state.error}</p>}
      </div>
      <button
        type="button"
        onClick={remove}
        disabled={state.busy || !uid}
        className="shrink-0 rounded-lg bg-rose-600 px-3 py-2 font-medium text-white hover:bg-rose-700 disabled:opacity-60"
      >
        {state.busy ? "Deleting…" : "Delete entity"}
      </button>
    </div>
  );
}
