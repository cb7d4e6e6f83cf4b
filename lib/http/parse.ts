import type { z } from "zod";
import { type ApiError, badRequest, payloadTooLarge, unsupportedMediaType } from "./api-error";
import { maxBodyBytes } from "./body-limit";

export interface FieldProblem {
  field: string;
  message: string;
}

export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join(".") || "(body)", message: i.message }));
}

function invalid(error: z.ZodError, where: "body" | "query" | "path"): ApiError {
  const fields = zodProblems(error);
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join("; ");
  return badRequest(`Invalid ${where}: ${summary}`, { fields });
}

/**
 * Reads at most `maxBytes` of the body as a stream, so an oversized upload is
 * refused without buffering it whole (Content-Length may be absent or lie).
 */
export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw payloadTooLarge(maxBytes);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw payloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

/**
 * Parses a JSON body against `schema`. `maxBytes` is the route's own limit; the server-wide
 * ceiling (PORTICO_MAX_BODY_BYTES) always applies and is the default.
 */
export async function parseJsonBody<S extends z.ZodType>(
  req: Request,
  schema: S,
  maxBytes?: number,
): Promise<z.output<S>> {
  const limit = Math.min(maxBytes ?? Number.POSITIVE_INFINITY, maxBodyBytes());
  const type = req.headers.get("content-type") ?? "";
  if (type && !/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw unsupportedMediaType(`Expected Content-Type application/json, got ${type.split(";")[0]}`);
  }
  const text = await readBodyText(req, limit);
  if (text.trim() === "") throw badRequest("Request body is empty; expected a JSON object");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw badRequest(`Request body is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalid(parsed.error, "body");
  return parsed.data;
}

/** Query strings keep repeated keys as arrays so schemas can accept `?tag=a&tag=b`. */
export function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

export function parseQuery<S extends z.ZodType>(url: string | URL, schema: S): z.output<S> {
  const params = new URL(url).searchParams;
  const parsed = schema.safeParse(searchParamsToObject(params));
  if (!parsed.success) throw invalid(parsed.error, "query");
  return parsed.data;
}

export function parsePathParams<S extends z.ZodType>(params: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw invalid(parsed.error, "path");
  return parsed.data;
}
