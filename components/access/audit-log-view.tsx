"use client";

import { useCallback, useEffect, useState } from "react";

interface Entry {
  id: string;
  at: string;
  actor: string;
  actorName: string;
  action: string;
  target: string | null;
  outcome: string;
  ip: string | null;
}

const ACTIONS = [
  "",
  "catalog.",
  "catalog.location.register",
  "catalog.location.delete",
  "catalog.entity.refresh",
  "catalog.entity.delete",
  "scaffolder.",
  "token.",
  "role.change",
  "auth.",
];

/** The admin's view of /api/audit-log: filters by actor and action, newest first, "Load more". */
export function AuditLogView() {
  const [actor, setActor] = useState("");
  const [action, setAction] = useState("");
  const [items, setItems] = useState<Entry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fetchPage = useCallback(
    async (after: string | null) => {
      const q = new URLSearchParams({ limit: "50" });
      if (actor.trim()) q.set("actor", actor.trim());
      if (action) q.set("action", action);
      if (after) q.set("cursor", after);
      const res = await fetch(`/api/audit-log?${q}`);
      const body = await res.json().catch(() => null);
      if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
      return body as { items: Entry[]; nextCursor: string | null };
    },
    [actor, action],
  );

  const reload = useCallback(async () => {
    try {
      setError(null);
      const page = await fetchPage(null);
      setItems(page.items);
      setCursor(page.nextCursor);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [fetchPage]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const more = async () => {
    if (!cursor) return;
    const page = await fetchPage(cursor);
    setItems((cur) => [...cur, ...page.items]);
    setCursor(page.nextCursor);
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-3 text-sm">
        <label>
          Actor
          <input
            value={actor}
            onChange={(e) => setActor(e.target.value)}
            placeholder="user:… or a name"
            className="ml-2 rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-950"
          />
        </label>
        <label>
          Action
          <select
            value={action}
            onChange={(e) => setAction(e.target.value)}
            className="ml-2 rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-950"
          >
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a === "" ? "any" : a.endsWith(".") ? `${a}*` : a}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2">When</th>
            <th>Actor</th>
            <th>Action</th>
            <th>Target</th>
            <th>Outcome</th>
            <th>IP</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id} className="border-t border-slate-200 dark:border-slate-800">
              <td className="py-2 whitespace-nowrap">{new Date(e.at).toLocaleString()}</td>
              <td title={e.actor}>{e.actorName}</td>
              <td className="font-mono">{e.action}</td>
              <td className="max-w-xs truncate font-mono" title={e.target ?? ""}>
                {e.target ?? ""}
              </td>
              <td>{e.outcome}</td>
              <td>{e.ip ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cursor && (
        <button type="button" onClick={more} className="text-sm text-brand-600 hover:underline">
          Load more
        </button>
      )}
    </div>
  );
}
