import fc from "fast-check";
import {
  brokenJson,
  contentType,
  deepNesting,
  jsonValue,
  oversizedBody,
  safeEncode,
  weirdString,
  wireText,
} from "./hostile";
import type { RouteHints } from "./route-hints";
import type { LoadedRoute, Method } from "./route-table";

/** One generated request, kept as plain data so a finding can be printed and replayed. */
export interface FuzzRequest {
  method: Method;
  /** Decoded path parameters as Next hands them to the handler. */
  params: Record<string, string | string[]>;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

const BODY_METHODS: Method[] = ["POST", "PUT", "PATCH", "DELETE"];

function paramArb(hints: RouteHints, name: string, catchAll: boolean): fc.Arbitrary<string | string[]> {
  const hinted = hints.params?.[name];
  const one = hinted
    ? fc.oneof({ weight: 4, arbitrary: hinted }, { weight: 1, arbitrary: weirdString })
    : weirdString;
  return catchAll ? fc.array(one, { minLength: 1, maxLength: 4 }) : one;
}

function queryArb(hints: RouteHints): fc.Arbitrary<string> {
  const keys = Object.keys(hints.query ?? {});
  const hintedPair = keys.length
    ? fc
        .constantFrom(...keys)
        .chain((k) =>
          fc.tuple(
            fc.oneof(
              { weight: 6, arbitrary: fc.constant(k) },
              { weight: 1, arbitrary: fc.constant(`${k}[]`) },
            ),
            fc.oneof(
              { weight: 4, arbitrary: wireText(hints.query?.[k]) },
              { weight: 1, arbitrary: wireText() },
            ),
          ),
        )
    : null;
  const junkPair = fc.tuple(wireText(), wireText());
  const pair = hintedPair
    ? fc.oneof({ weight: 5, arbitrary: hintedPair }, { weight: 1, arbitrary: junkPair })
    : junkPair;
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant("") },
    {
      weight: 8,
      arbitrary: fc
        .array(pair, { maxLength: 6 })
        .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&")),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "&&&",
        "=",
        "a",
        "%",
        "?",
        "a=1&a=2&a=3",
        "%00=%00",
        `x=${"y".repeat(70_000)}`,
      ),
    },
  );
}

function bodyArb(hints: RouteHints, method: Method): fc.Arbitrary<string | undefined> {
  const hinted = hints.body?.[method];
  const options: fc.WeightedArbitrary<string | undefined>[] = [
    { weight: 2, arbitrary: jsonValue },
    { weight: 1, arbitrary: deepNesting },
    { weight: 1, arbitrary: brokenJson },
    { weight: 1, arbitrary: fc.constant(undefined) },
  ];
  if (hinted) options.push({ weight: 10, arbitrary: hinted });
  // Oversized bodies are slow to build and parse; keep them rare.
  const withBig = fc.oneof(
    { weight: 60, arbitrary: fc.oneof(...options) },
    { weight: 1, arbitrary: oversizedBody },
  );
  return method === "DELETE"
    ? fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: withBig })
    : withBig;
}

const headersArb = (method: Method) =>
  fc
    .record(
      {
        "content-type": contentType,
        "x-request-id": fc.oneof(weirdString, fc.constantFrom("a".repeat(1000), "../x", "\r\nx-evil: 1")),
        origin: fc.oneof(
          { weight: 8, arbitrary: fc.constant(undefined) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              "http://localhost",
              "https://evil.example",
              "null",
              "http://localhost:3000",
            ),
          },
        ),
        accept: fc.constantFrom("*/*", "text/event-stream", "application/json"),
      },
      { requiredKeys: [] },
    )
    .map((h) => {
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(h))
        if (v !== undefined && (k !== "content-type" || BODY_METHODS.includes(method))) out[k] = v;
      return out;
    });

export function requestArb(route: LoadedRoute, method: Method, hints: RouteHints): fc.Arbitrary<FuzzRequest> {
  const paramEntries = route.segments.flatMap((s) =>
    s.kind === "static" ? [] : [[s.name, paramArb(hints, s.name, s.kind === "catch-all")] as const],
  );
  const independent = fc
    .tuple(...paramEntries.map(([, a]) => a))
    .map((values) => Object.fromEntries(paramEntries.map(([n], i) => [n, values[i]])));
  const params: fc.Arbitrary<Record<string, string | string[]>> = hints.paramSet
    ? fc.oneof({ weight: 3, arbitrary: hints.paramSet }, { weight: 1, arbitrary: independent })
    : independent;
  return fc
    .record({
      params,
      query: queryArb(hints),
      headers: headersArb(method),
      body: BODY_METHODS.includes(method) ? bodyArb(hints, method) : fc.constant(undefined),
    })
    .map(({ params, query, headers, body }) => {
      const pathname = route.segments
        .map((s) => {
          if (s.kind === "static") return s.value;
          const v = params[s.name];
          return Array.isArray(v) ? v.map(safeEncode).join("/") : safeEncode(v);
        })
        .join("/");
      return {
        method,
        params,
        url: `http://localhost/${pathname}${query ? `?${query}` : ""}`,
        headers,
        body,
      };
    });
}

/** Short, replayable description of a request for the report. */
export function describeRequest(r: FuzzRequest, max = 600): string {
  const body = r.body === undefined ? "" : ` body(${r.body.length})=${truncate(JSON.stringify(r.body), max)}`;
  const params = Object.keys(r.params).length ? ` params=${truncate(JSON.stringify(r.params), 300)}` : "";
  return `${r.method} ${truncate(r.url.replace("http://localhost", ""), max)}${params} headers=${JSON.stringify(r.headers)}${body}`;
}

export function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…(+${s.length - max})` : s;
}

export function inputSize(r: FuzzRequest): number {
  return r.url.length + (r.body?.length ?? 0) + JSON.stringify(r.params).length;
}
