import type { DiagnoseResponse } from "@/lib/diagnose/schema";

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (v && typeof v === "object" && !Array.isArray(v) ? (v as Rec) : {});
const arr = (v: unknown): Rec[] => (Array.isArray(v) ? v.map(rec) : []);
const s = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));

/** Live pod state fetched for the diagnosis (already redacted server-side). */
export function PodContextPanel({ context }: { context: NonNullable<DiagnoseResponse["k8s_context"]> }) {
  if (context.found === false) {
    return (
      <p className="text-sm">
        Pod {s(context.namespace)}/{s(context.name)} was not found: {s(context.message)}
      </p>
    );
  }
  const pod = rec(context.pod);
  const containers = arr(context.containers);
  const events = arr(context.events).slice(0, 5);
  return (
    <div className="space-y-3 text-sm">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-500">Pod</dt>
        <dd className="font-mono">
          {s(pod.namespace)}/{s(pod.name)}
        </dd>
        <dt className="text-slate-500">Phase</dt>
        <dd>{s(pod.phase)}</dd>
        <dt className="text-slate-500">Node</dt>
        <dd className="font-mono">{s(pod.node)}</dd>
      </dl>
      {containers.length > 0 && (
        <table className="w-full text-left text-xs">
          <caption className="sr-only">Containers</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th className="py-1 pr-3 font-semibold">Container</th>
              <th className="py-1 pr-3 font-semibold">State</th>
              <th className="py-1 pr-3 font-semibold">Restarts</th>
              <th className="py-1 font-semibold">Last termination</th>
            </tr>
          </thead>
          <tbody>
            {containers.map((c) => {
              const last = rec(c.last_termination);
              return (
                <tr key={s(c.name)} className="border-b border-slate-100 dark:border-slate-800">
                  <td className="py-1 pr-3 font-mono">{s(c.name)}</td>
                  <td className="py-1 pr-3">
                    {s(c.state)}
                    {c.state_reason ? ` (${s(c.state_reason)})` : ""}
                  </td>
                  <td className="py-1 pr-3 tabular-nums">{s(c.restarts)}</td>
                  <td className="py-1">
                    {c.last_termination ? `${s(last.reason)}, exit ${s(last.exit_code)}` : "—"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {events.length > 0 && (
        <ul className="space-y-1 text-xs">
          {events.map((e) => (
            <li key={`${s(e.reason)}-${s(e.last_seen)}-${s(e.message)}`}>
              <span className="font-medium">{s(e.reason)}</span> ({s(e.type)}, ×{s(e.count)}): {s(e.message)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function OwnerPanel({ owner }: { owner: NonNullable<DiagnoseResponse["owner"]> }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-slate-500">Entity</dt>
      <dd className="font-mono">{s(owner.entity_ref)}</dd>
      <dt className="text-slate-500">Owner</dt>
      <dd>
        {s(owner.owner_title ?? owner.owner)}
        {owner.owner_email ? (
          <>
            {" · "}
            <a
              className="text-brand-600 underline dark:text-brand-500"
              href={`mailto:${s(owner.owner_email)}`}
            >
              {s(owner.owner_email)}
            </a>
          </>
        ) : null}
      </dd>
      {owner.system ? (
        <>
          <dt className="text-slate-500">System</dt>
          <dd>{s(owner.system)}</dd>
        </>
      ) : null}
    </dl>
  );
}
