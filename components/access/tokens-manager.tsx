"use client";

import { useCallback, useEffect, useState } from "react";

const SCOPES = [
  "catalog:read",
  "catalog:write",
  "scaffolder:run",
  "diagnose",
  "chat",
  "cluster:read",
  "admin",
];

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  service: boolean;
  createdByName: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

async function api<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json" } });
  if (res.status === 204) return undefined as T;
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  return body as T;
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—");

/** Create (secret shown once), list and revoke API tokens. */
export function TokensManager({ isAdmin }: { isAdmin: boolean }) {
  const [tokens, setTokens] = useState<TokenRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>(["catalog:read"]);
  const [days, setDays] = useState("90");
  const [service, setService] = useState(false);

  const load = useCallback(async () => {
    try {
      setTokens((await api<{ tokens: TokenRow[] }>("/api/tokens")).tokens);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const create = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await api<{ token: string }>("/api/tokens", {
        method: "POST",
        body: JSON.stringify({
          name,
          scopes,
          ...(days ? { expiresInDays: Number(days) } : {}),
          ...(service ? { service: true } : {}),
        }),
      });
      setSecret(created.token);
      setName("");
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const revoke = async (id: string) => {
    setError(null);
    try {
      await api(`/api/tokens/${id}`, { method: "DELETE" });
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="space-y-6">
      <form
        onSubmit={create}
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 className="font-medium">New token</h2>
        <label className="block text-sm">
          Name
          <input
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-950"
            placeholder="ci-pipeline"
          />
        </label>
        <fieldset className="text-sm">
          <legend>Scopes</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {SCOPES.map((s) => (
              <label key={s} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={scopes.includes(s)}
                  onChange={(e) =>
                    setScopes((cur) => (e.target.checked ? [...cur, s] : cur.filter((x) => x !== s)))
                  }
                />
                {s}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="block text-sm">
          Expires in days (empty = never)
          <input
            type="number"
            min={1}
            max={3650}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            className="mt-1 block w-32 rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-950"
          />
        </label>
        {isAdmin && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={service} onChange={(e) => setService(e.target.checked)} />
            Service account (the token is its own principal, not you)
          </label>
        )}
        <button
          type="submit"
          className="rounded-lg bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          Create token
        </button>
      </form>
      {secret && (
        <div
          role="status"
          className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-700 dark:bg-amber-950"
        >
          <p className="font-medium">Copy this token now: it is not shown again.</p>
          <code data-testid="new-token" className="mt-2 block break-all font-mono">
            {secret}
          </code>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2">Name</th>
            <th>Token</th>
            <th>Scopes</th>
            <th>Created by</th>
            <th>Expires</th>
            <th>Last used</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} className="border-t border-slate-200 dark:border-slate-800">
              <td className="py-2">
                {t.name}
                {t.service ? " (service)" : ""}
              </td>
              <td className="font-mono">{t.prefix}…</td>
              <td>{t.scopes.join(", ")}</td>
              <td>{t.createdByName}</td>
              <td>{when(t.expiresAt)}</td>
              <td>{when(t.lastUsedAt)}</td>
              <td>
                <button
                  type="button"
                  onClick={() => revoke(t.id)}
                  className="text-red-700 hover:underline dark:text-red-300"
                >
                  Revoke
                </button>
              </td>
            </tr>
          ))}
          {tokens.length === 0 && (
            <tr>
              <td colSpan={7} className="py-4 text-slate-500">
                No tokens yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
