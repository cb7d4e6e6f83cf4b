import { NextRequest } from "next/server";
import { logger } from "@/lib/log/logger";
import {
  changedTables,
  checkAndRestorePrototypes,
  type ProcessErrorRecorder,
  snapshotPrototypes,
  stallMeter,
  type TableSnapshots,
} from "./invariants";
import { describeRequest, type FuzzRequest, inputSize, truncate } from "./requests";
import type { Handler, Method } from "./route-table";

export interface Finding {
  route: string;
  method: Method;
  property: "5xx" | "hang" | "stall" | "prototype" | "unhandled" | "liveness" | "data" | "threw";
  detail: string;
  /** Smallest request seen with this finding. */
  request: FuzzRequest;
  count: number;
}

export interface CheckerOptions {
  budgetMs: number;
  stallMs: number;
  tables: TableSnapshots;
  recorder: ProcessErrorRecorder;
  liveness: Handler;
  proxy: ((req: NextRequest) => Response | Promise<Response>) | null;
  /** Tables a 2xx answer of this route+method may change (prefixes). */
  writes: (route: string, method: Method) => string[];
}

const TIMEOUT = Symbol("timeout");

function within<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMEOUT> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<typeof TIMEOUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMEOUT), ms);
    }),
  ]);
}

/** Route-handler error logs (withRoute logs the cause of every 500), so a finding can name it. */
const handlerErrors: string[] = [];
const originalChild = logger.child.bind(logger);
let logHooked = false;
function hookLogger() {
  if (logHooked) return;
  logHooked = true;
  (logger as { child: typeof logger.child }).child = ((
    bindings: Record<string, unknown>,
    options?: object,
  ) => {
    const child = originalChild(bindings, options);
    const error = child.error.bind(child);
    child.error = ((obj: unknown, ...rest: unknown[]) => {
      const err = (obj as { err?: unknown })?.err;
      if (err instanceof Error) {
        const frame =
          err.stack
            ?.split("\n")
            .find((l) => l.includes("/lib/") || l.includes("/app/"))
            ?.trim() ?? "";
        handlerErrors.push(`${err.name}: ${err.message.slice(0, 200)} ${frame}`);
      } else if (err !== undefined) handlerErrors.push(String(err).slice(0, 200));
      return (error as (...a: unknown[]) => void)(obj, ...rest);
    }) as typeof child.error;
    return child;
  }) as unknown as typeof logger.child;
}

export class Checker {
  readonly findings = new Map<string, Finding>();
  readonly counts = new Map<string, number>();
  readonly statuses = new Map<string, Map<number, number>>();
  private readonly baseline = snapshotPrototypes();
  constructor(private readonly o: CheckerOptions) {
    hookLogger();
  }

  private record(route: string, r: FuzzRequest, property: Finding["property"], detail: string) {
    const key = `${route} ${r.method} ${property} ${detail
      .replace(/[0-9a-f-]{36}/g, "<uuid>")
      .replace(/\d+(\.\d+)?\s?ms/g, "<ms>")
      .slice(0, 160)}`;
    const existing = this.findings.get(key);
    if (!existing)
      this.findings.set(key, { route, method: r.method, property, detail, request: r, count: 1 });
    else {
      existing.count++;
      if (inputSize(r) < inputSize(existing.request)) {
        existing.request = r;
        existing.detail = detail;
      }
    }
  }

  /** Sends one request through proxy + handler and checks every property. */
  async run(route: string, handler: Handler, r: FuzzRequest): Promise<number | "unsendable"> {
    let req: Request;
    let proxyReq: NextRequest | null = null;
    try {
      // A real server always sees Host (from the URL's authority); the proxy's host check needs it.
      const headers = new Headers(r.headers);
      if (!headers.has("host")) headers.set("host", new URL(r.url).host);
      req = new Request(r.url, { method: r.method, headers, body: r.body });
      if (this.o.proxy) proxyReq = new NextRequest(r.url, { method: r.method, headers });
    } catch {
      // Not expressible as an HTTP request (e.g. a NUL in a header value): no server would see it.
      return "unsendable";
    }
    const key = `${route} ${r.method}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    handlerErrors.length = 0;
    this.o.recorder.take();
    const before = await this.o.tables.take();
    const stall = stallMeter();
    const started = performance.now();
    let status = 0;
    let body = "";
    try {
      let res: Response | typeof TIMEOUT | undefined;
      if (proxyReq && this.o.proxy) {
        const p = await this.o.proxy(proxyReq);
        if (!p.headers.get("x-middleware-next")) res = p;
      }
      res ??= await within(handler(req, { params: Promise.resolve(r.params) }), this.o.budgetMs);
      if (res === TIMEOUT) {
        this.record(route, r, "hang", `no answer within ${this.o.budgetMs} ms`);
      } else {
        status = res.status;
        const left = Math.max(100, this.o.budgetMs - (performance.now() - started));
        const text = await within(res.text(), left);
        if (text === TIMEOUT)
          this.record(
            route,
            r,
            "hang",
            `status ${status} but the body did not finish within ${this.o.budgetMs} ms`,
          );
        else body = text;
      }
    } catch (error) {
      this.record(
        route,
        r,
        "threw",
        `handler threw instead of answering: ${(error as Error)?.message ?? String(error)}`.slice(0, 300),
      );
    }
    const elapsed = performance.now() - started;
    // One more turn of the loop, so a block that ended just now is sampled by the monitor.
    await new Promise((resolve) => setTimeout(resolve, 1));
    const stalled = stall.stopMs();
    if (elapsed > this.o.budgetMs && status)
      this.record(
        route,
        r,
        "hang",
        `answered ${status} after ${Math.round(elapsed)} ms (budget ${this.o.budgetMs} ms)`,
      );
    if (stalled > this.o.stallMs)
      this.record(
        route,
        r,
        "stall",
        `event loop blocked for ${Math.round(stalled)} ms (limit ${this.o.stallMs} ms); liveness would wait that long`,
      );
    if (status >= 500) {
      const cause = handlerErrors[0] ?? truncate(body, 300);
      this.record(route, r, "5xx", `status ${status}: ${cause}`);
    }
    const st = this.statuses.get(key) ?? new Map<number, number>();
    st.set(status, (st.get(status) ?? 0) + 1);
    this.statuses.set(key, st);

    // Let anything the request left running settle (stream callbacks, late writes, rejections).
    await new Promise((resolve) =>
      setTimeout(resolve, status >= 200 && status < 300 && r.method !== "GET" ? 30 : 0),
    );
    const protoChanges = checkAndRestorePrototypes(this.baseline);
    if (protoChanges.length) this.record(route, r, "prototype", protoChanges.join("; "));
    for (const e of this.o.recorder.take()) this.record(route, r, "unhandled", e);

    const after = await this.o.tables.take();
    const changed = changedTables(before, after);
    if (changed.length) {
      const allowed = status >= 200 && status < 300 ? this.o.writes(route, r.method) : [];
      const bad = changed.filter((t) => !allowed.some((p) => t.startsWith(p)) && !isBookkeeping(t, r.method));
      if (bad.length) {
        const why =
          r.method === "GET"
            ? "a GET changed"
            : status >= 300 || status === 0
              ? `a ${status || "failed"} answer changed`
              : "changed tables outside this route's intent:";
        this.record(route, r, "data", `${why} ${bad.join(", ")}`);
      }
    }

    const live = await within(this.o.liveness(new Request("http://localhost/api/health?probe=live")), 1_000);
    if (live === TIMEOUT || live.status !== 200) {
      this.record(
        route,
        r,
        "liveness",
        live === TIMEOUT ? "liveness probe did not answer within 1 s" : `liveness answered ${live.status}`,
      );
    }
    return status;
  }

  report(): string[] {
    return [...this.findings.values()].map(
      (f) =>
        `[${f.property}] ${f.route} ${f.method} ×${f.count}: ${f.detail}\n    repro: ${describeRequest(f.request)}`,
    );
  }
}

/**
 * Tables that record requests rather than hold user data: rate-limit counters move on any
 * answer (that is how a 429 comes about), and the audit log records attempted writes,
 * including refused ones. Neither counts as a request changing data outside its intent.
 */
function isBookkeeping(table: string, method: string): boolean {
  return table === "access_rate_limits" || (method !== "GET" && table === "access_audit_events");
}
