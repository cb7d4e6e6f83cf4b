import { parse } from "yaml";
import { type OpenApiOperation, readOpenApi } from "./openapi-model";

const METHOD_TONE: Record<string, string> = {
  GET: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  POST: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  PUT: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  PATCH: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300",
  DELETE: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-300",
};

function RawDefinition({ text }: { text: string }) {
  return (
    <pre className="max-h-[40rem] overflow-auto rounded-lg bg-slate-950 p-4 font-mono text-xs leading-relaxed text-slate-100">
      <code>{text}</code>
    </pre>
  );
}

function Operation({ op }: { op: OpenApiOperation }) {
  return (
    <details
      className="group rounded-lg border border-slate-200 dark:border-slate-800"
      data-testid="openapi-operation"
    >
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-2 px-3 py-2 hover:bg-slate-50 dark:hover:bg-slate-800/50">
        <span
          className={`w-16 rounded px-1.5 py-0.5 text-center font-mono text-xs font-bold ${METHOD_TONE[op.method] ?? "bg-slate-100 dark:bg-slate-800"}`}
        >
          {op.method}
        </span>
        <code className="font-mono text-sm">{op.path}</code>
        <span className="text-sm text-slate-500">{op.summary ?? op.operationId}</span>
      </summary>
      <div className="space-y-3 border-t border-slate-200 px-3 py-3 text-sm dark:border-slate-800">
        {op.operationId && (
          <p className="text-xs text-slate-500">
            operationId <code className="font-mono">{op.operationId}</code>
          </p>
        )}
        {op.description && <p className="text-slate-600 dark:text-slate-300">{op.description}</p>}
        {op.parameters.length > 0 && (
          <table className="w-full text-left text-xs">
            <caption className="mb-1 text-left font-semibold">Parameters</caption>
            <thead className="text-slate-500">
              <tr>
                <th className="py-1 pr-3 font-medium">Name</th>
                <th className="py-1 pr-3 font-medium">In</th>
                <th className="py-1 pr-3 font-medium">Type</th>
                <th className="py-1 font-medium">Description</th>
              </tr>
            </thead>
            <tbody>
              {op.parameters.map((p) => (
                <tr key={`${p.in}:${p.name}`} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="py-1 pr-3 font-mono">
                    {p.name}
                    {p.required && (
                      <span className="text-rose-600" title="required">
                        *
                      </span>
                    )}
                  </td>
                  <td className="py-1 pr-3">{p.in}</td>
                  <td className="py-1 pr-3 font-mono">{p.type}</td>
                  <td className="py-1">{p.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {op.requestBody && (
          <p className="text-xs">
            <span className="font-semibold">Request body</span>{" "}
            <code className="font-mono">{op.requestBody}</code>
          </p>
        )}
        <div className="text-xs">
          <p className="mb-1 font-semibold">Responses</p>
          <ul className="space-y-0.5">
            {op.responses.map((r) => (
              <li key={r.status}>
                <code className="font-mono font-semibold">{r.status}</code> {r.description}
                {r.schema && <code className="ml-1 font-mono text-slate-500">{r.schema}</code>}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </details>
  );
}

/** OpenAPI rendered as an operations list plus schemas; other API types as formatted source. */
export function ApiDefinition({ type, definition }: { type: string | undefined; definition: unknown }) {
  const text = typeof definition === "string" ? definition : JSON.stringify(definition ?? "", null, 2);
  if (!text.trim()) return <p className="text-sm text-slate-500">This API has no definition.</p>;
  if (type?.toLowerCase() !== "openapi") return <RawDefinition text={text} />;
  let api: ReturnType<typeof readOpenApi> = null;
  try {
    api = readOpenApi(typeof definition === "string" ? parse(definition) : definition);
  } catch {
    api = null;
  }
  if (!api) {
    return (
      <div className="space-y-2">
        <p className="text-sm text-amber-700 dark:text-amber-300">
          The definition could not be read as OpenAPI; showing it as is.
        </p>
        <RawDefinition text={text} />
      </div>
    );
  }
  return (
    <div className="space-y-5" data-testid="openapi-view">
      <div>
        <h3 className="text-lg font-semibold">
          {api.title}{" "}
          {api.version && <span className="text-sm font-normal text-slate-500">v{api.version}</span>}
        </h3>
        {api.description && (
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{api.description}</p>
        )}
        {api.servers.map((s) => (
          <code key={s} className="mt-1 block font-mono text-xs text-slate-500">
            {s}
          </code>
        ))}
      </div>
      <section aria-label="Operations" className="space-y-2">
        <h4 className="text-sm font-semibold uppercase tracking-wide text-slate-500">
          Operations ({api.operations.length})
        </h4>
        {api.operations.map((op) => (
          <Operation key={`${op.method} ${op.path}`} op={op} />
        ))}
      </section>
      {api.schemas.length > 0 && (
        <section aria-label="Schemas" className="space-y-2">
          <h4 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Schemas</h4>
          {api.schemas.map((s) => (
            <details
              key={s.name}
              className="rounded-lg border border-slate-200 px-3 py-2 dark:border-slate-800"
            >
              <summary className="cursor-pointer font-mono text-sm">
                {s.name} <span className="text-xs text-slate-500">{s.type}</span>
              </summary>
              {s.description && <p className="mt-1 text-xs text-slate-500">{s.description}</p>}
              <ul className="mt-2 space-y-0.5 font-mono text-xs">
                {s.properties.map((p) => (
                  <li key={p.name}>
                    {p.name}
                    {p.required && <span className="text-rose-600">*</span>}:{" "}
                    <span className="text-slate-500">{p.type}</span>
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </section>
      )}
    </div>
  );
}
