import type {
  CatalogEntity,
  DryRunFile,
  DryRunResult,
  ScaffolderTask,
  TemplateParameterSchema,
} from "./types";

const BASE = "/api/scaffolder/v2";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Reads Portico's `{error:{code,message,details}}` (or Backstage's `{errors:[…]}`) into one message. */
async function failure(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return new ApiError(`Request failed (${res.status})`, res.status);
  }
  const b = body as {
    error?: { message?: string; details?: unknown };
    errors?: Array<{ message?: string; property?: string; path?: string }>;
  };
  if (b.error?.message) return new ApiError(b.error.message, res.status, b.error.details);
  if (Array.isArray(b.errors)) {
    const msg = b.errors.map((e) => [e.property ?? e.path, e.message].filter(Boolean).join(" ")).join("; ");
    return new ApiError(msg || `Request failed (${res.status})`, res.status, b.errors);
  }
  return new ApiError(`Request failed (${res.status})`, res.status);
}

async function json<T>(input: string, init?: RequestInit): Promise<T> {
  const res = await fetch(input, init);
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

function post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return json<T>(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
}

export const templatesKey = ["scaffolder", "templates"] as const;
export const TEMPLATE_FIELDS = ["kind", "metadata", "spec.type", "spec.owner", "relations"];

export interface TemplateList {
  items: CatalogEntity[];
  totalItems: number;
}

export function fetchTemplates(signal?: AbortSignal): Promise<TemplateList> {
  const qs = new URLSearchParams({
    filter: "kind=template",
    limit: "1000",
    fields: TEMPLATE_FIELDS.join(","),
  });
  qs.append("orderField", "metadata.name,asc");
  return json(`/api/catalog/entities/by-query?${qs}`, { signal });
}

export function parameterSchemaKey(namespace: string, name: string) {
  return ["scaffolder", "parameter-schema", namespace, name] as const;
}

export function fetchParameterSchema(
  namespace: string,
  name: string,
  signal?: AbortSignal,
): Promise<TemplateParameterSchema> {
  return json(
    `${BASE}/templates/${encodeURIComponent(namespace)}/template/${encodeURIComponent(name)}/parameter-schema`,
    { signal },
  );
}

export function createTask(body: {
  templateRef: string;
  values: Record<string, unknown>;
  secrets?: Record<string, string>;
}): Promise<{ id: string }> {
  return post(`${BASE}/tasks`, body);
}

export function fetchTask(id: string, signal?: AbortSignal): Promise<ScaffolderTask> {
  return json(`${BASE}/tasks/${encodeURIComponent(id)}`, { signal });
}

export function fetchTasks(
  opts: { limit?: number; status?: string } = {},
  signal?: AbortSignal,
): Promise<{ tasks: ScaffolderTask[]; totalTasks: number }> {
  const qs = new URLSearchParams({ limit: String(opts.limit ?? 20), order: "desc" });
  if (opts.status) qs.set("status", opts.status);
  return json(`${BASE}/tasks?${qs}`, { signal });
}

export function cancelTask(id: string): Promise<unknown> {
  return post(`${BASE}/tasks/${encodeURIComponent(id)}/cancel`, {});
}

export function retryTask(id: string, secrets?: Record<string, string>): Promise<unknown> {
  return post(`${BASE}/tasks/${encodeURIComponent(id)}/retry`, { secrets: secrets ?? {} });
}

export function eventStreamUrl(id: string, after?: number | string): string {
  const qs = after === undefined ? "" : `?after=${encodeURIComponent(String(after))}`;
  return `${BASE}/tasks/${encodeURIComponent(id)}/eventstream${qs}`;
}

export function dryRun(
  body: {
    template: unknown;
    values: Record<string, unknown>;
    secrets?: Record<string, string>;
    directoryContents: DryRunFile[];
  },
  signal?: AbortSignal,
): Promise<DryRunResult> {
  return post(`${BASE}/dry-run`, body, signal);
}

export function fetchTemplateEntity(
  namespace: string,
  name: string,
  signal?: AbortSignal,
): Promise<CatalogEntity> {
  return json(
    `/api/catalog/entities/by-name/template/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
    { signal },
  );
}

/** Catalog filter in Backstage's `catalogFilter` form → repeated `filter=` query values. */
export type CatalogFilter =
  | Record<string, string | string[] | { exists: boolean }>
  | Array<Record<string, string | string[] | { exists: boolean }>>;

export function filterParams(filter: CatalogFilter | undefined): string[] {
  if (!filter) return [];
  const sets = Array.isArray(filter) ? filter : [filter];
  return sets
    .map((set) =>
      Object.entries(set)
        .flatMap(([key, value]) => {
          if (Array.isArray(value)) return value.map((v) => `${key}=${v}`);
          if (typeof value === "object" && value !== null) return value.exists ? [key] : [];
          return [`${key}=${value}`];
        })
        .join(","),
    )
    .filter(Boolean);
}

export function fetchEntities(
  filter: CatalogFilter | undefined,
  opts: { term?: string; limit?: number; signal?: AbortSignal } = {},
): Promise<{ items: CatalogEntity[]; totalItems: number }> {
  const qs = new URLSearchParams();
  for (const f of filterParams(filter)) qs.append("filter", f);
  qs.set("limit", String(opts.limit ?? 100));
  qs.set("fields", "kind,metadata.name,metadata.namespace,metadata.title,spec.profile.displayName,relations");
  qs.append("orderField", "metadata.name,asc");
  if (opts.term?.trim()) qs.set("fullTextFilterTerm", opts.term.trim());
  return json(`/api/catalog/entities/by-query?${qs}`, { signal: opts.signal });
}

export function fetchTagFacets(
  kinds: string[] | undefined,
  signal?: AbortSignal,
): Promise<{ facets: Record<string, Array<{ value: string; count: number }>> }> {
  const qs = new URLSearchParams({ facet: "metadata.tags" });
  if (kinds?.length) qs.append("filter", kinds.map((k) => `kind=${k}`).join(","));
  return json(`/api/catalog/entity-facets?${qs}`, { signal });
}
