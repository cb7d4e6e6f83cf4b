// Reads the parts of an OpenAPI 3 / Swagger 2 document the entity page shows, tolerating anything malformed.
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

export interface OpenApiParameter {
  name: string;
  in: string;
  required: boolean;
  type: string;
  description?: string;
}

export interface OpenApiOperation {
  method: string;
  path: string;
  operationId?: string;
  summary?: string;
  description?: string;
  parameters: OpenApiParameter[];
  requestBody?: string;
  responses: Array<{ status: string; description: string; schema?: string }>;
}

export interface OpenApiSchema {
  name: string;
  type: string;
  description?: string;
  properties: Array<{ name: string; type: string; required: boolean; description?: string }>;
}

export interface OpenApiDoc {
  title?: string;
  version?: string;
  description?: string;
  servers: string[];
  operations: OpenApiOperation[];
  schemas: OpenApiSchema[];
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Resolves a local `#/a/b/c` reference, so shared parameters show their real name. */
function deref(doc: Obj, v: unknown): unknown {
  if (!isObj(v) || typeof v.$ref !== "string" || !v.$ref.startsWith("#/")) return v;
  let cur: unknown = doc;
  for (const part of v.$ref.slice(2).split("/"))
    cur = isObj(cur) ? cur[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  return cur ?? v;
}

/** Short type label: `Shipment`, `array<Shipment>`, `string (enum)`. */
export function schemaLabel(schema: unknown): string {
  if (!isObj(schema)) return "any";
  if (typeof schema.$ref === "string") return schema.$ref.split("/").pop() ?? schema.$ref;
  if (schema.type === "array") return `array<${schemaLabel(schema.items)}>`;
  for (const key of ["oneOf", "anyOf", "allOf"]) {
    const list = schema[key];
    if (Array.isArray(list)) return list.map(schemaLabel).join(key === "allOf" ? " & " : " | ");
  }
  const type = str(schema.type) ?? (isObj(schema.properties) ? "object" : "any");
  const format = str(schema.format);
  return `${type}${format ? ` (${format})` : ""}${Array.isArray(schema.enum) ? ` enum: ${schema.enum.join(", ")}` : ""}`;
}

function contentSchema(content: unknown): string | undefined {
  if (!isObj(content)) return undefined;
  return Object.entries(content)
    .map(([mime, media]) => `${mime}: ${schemaLabel(isObj(media) ? media.schema : undefined)}`)
    .join("; ");
}

function parameters(doc: Obj, list: unknown): OpenApiParameter[] {
  if (!Array.isArray(list)) return [];
  return list
    .map((raw) => deref(doc, raw))
    .filter(isObj)
    .map((p) => ({
      name: str(p.name) ?? "?",
      in: str(p.in) ?? "?",
      required: p.required === true,
      type: schemaLabel(p.schema ?? p),
      description: str(p.description),
    }));
}

export function readOpenApi(raw: unknown): OpenApiDoc | null {
  if (!isObj(raw) || !(raw.openapi || raw.swagger) || !isObj(raw.paths)) return null;
  const info = isObj(raw.info) ? raw.info : {};
  const operations: OpenApiOperation[] = [];
  for (const [path, itemRaw] of Object.entries(raw.paths)) {
    const item = deref(raw, itemRaw);
    if (!isObj(item)) continue;
    const shared = parameters(raw, item.parameters);
    for (const method of METHODS) {
      const op = item[method];
      if (!isObj(op)) continue;
      const own = parameters(raw, op.parameters);
      const body = deref(raw, op.requestBody);
      const responses = isObj(op.responses) ? op.responses : {};
      operations.push({
        method: method.toUpperCase(),
        path,
        operationId: str(op.operationId),
        summary: str(op.summary),
        description: str(op.description),
        parameters: [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own],
        requestBody: isObj(body) ? contentSchema(body.content) : undefined,
        responses: Object.entries(responses).map(([status, r]) => {
          const resp = deref(raw, r);
          return {
            status,
            description: (isObj(resp) && str(resp.description)) || "",
            schema: isObj(resp)
              ? (contentSchema(resp.content) ?? (resp.schema ? schemaLabel(resp.schema) : undefined))
              : undefined,
          };
        }),
      });
    }
  }
  const components = isObj(raw.components) ? raw.components : {};
  const schemaMap = isObj(components.schemas)
    ? components.schemas
    : isObj(raw.definitions)
      ? raw.definitions
      : {};
  const schemas = Object.entries(schemaMap)
    .filter(([, s]) => isObj(s))
    .map(([name, s]) => {
      const schema = s as Obj;
      const required = Array.isArray(schema.required) ? schema.required : [];
      return {
        name,
        type: schemaLabel({ ...schema, $ref: undefined }),
        description: str(schema.description),
        properties: Object.entries(isObj(schema.properties) ? schema.properties : {}).map(([prop, ps]) => ({
          name: prop,
          type: schemaLabel(ps),
          required: required.includes(prop),
          description: isObj(ps) ? str(ps.description) : undefined,
        })),
      };
    });
  const servers = Array.isArray(raw.servers)
    ? raw.servers.flatMap((s) => (isObj(s) && typeof s.url === "string" ? [s.url] : []))
    : typeof raw.host === "string"
      ? [`${raw.host}${str(raw.basePath) ?? ""}`]
      : [];
  return {
    title: str(info.title),
    version: str(info.version),
    description: str(info.description),
    servers,
    operations,
    schemas,
  };
}
