import { describe, expect, it } from "vitest";
import { analyzeLog } from "./analyzer";

describe("analyzeLog precedence", () => {
  it("OOMKilled beats the CrashLoopBackOff it causes", () => {
    const log = [
      "api-0   0/1   CrashLoopBackOff   5 (30s ago)   4m",
      "    Last State:     Terminated",
      "      Reason:       OOMKilled",
      "      Exit Code:    137",
      "  Warning  BackOff  2m  kubelet  Back-off restarting failed container api in pod api-0",
    ].join("\n");
    const r = analyzeLog(log);
    expect(r.category).toBe("oomkilled");
    expect(r.severity).toBe("critical");
    expect(r.categories).toContain("crashloopbackoff");
    expect(r.classifications[0].category).toBe("oomkilled");
    expect(r.classifications[0].line).toBe(3);
  });

  it("a DNS failure inside a traceback of a crash-looping pod is the root cause", () => {
    const log = [
      "Traceback (most recent call last):",
      '  File "/app/main.py", line 10, in <module>',
      "    conn = psycopg2.connect(DSN)",
      'psycopg2.OperationalError: could not translate host name "db" to address: Name or service not known',
      "web-1   0/1   CrashLoopBackOff   7   12m",
    ].join("\n");
    expect(analyzeLog(log).category).toBe("dns_resolution");
  });

  it("exec format error in a crash loop is a container build problem", () => {
    const log = "exec /app/server: exec format error\nworker-0 0/1 CrashLoopBackOff 3 1m";
    expect(analyzeLog(log).category).toBe("container_build");
  });

  it("connection refused inside a probe message is absorbed by the probe failure", () => {
    const log =
      'Warning  Unhealthy  10s (x6 over 1m)  kubelet  Readiness probe failed: Get "http://10.1.0.4:8080/ready": dial tcp 10.1.0.4:8080: connect: connection refused';
    const r = analyzeLog(log);
    expect(r.category).toBe("probe_failure");
    expect(r.categories).not.toContain("connection_refused");
  });

  it("a specific cause beats the Helm wrapper reporting it", () => {
    const log =
      'Error: UPGRADE FAILED: failed to create resource: roles.rbac.authorization.k8s.io is forbidden: User "system:serviceaccount:ci:helm" cannot create resource "roles" in API group "rbac.authorization.k8s.io" in the namespace "prod"';
    expect(analyzeLog(log).category).toBe("rbac_forbidden");
  });

  it("a failed npm install beats the docker build wrapper", () => {
    const log = [
      "#9 [builder 4/7] RUN npm ci",
      "#9 2.113 npm ERR! code ERESOLVE",
      "#9 2.114 npm ERR! ERESOLVE unable to resolve dependency tree",
      'ERROR: failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1',
    ].join("\n");
    expect(analyzeLog(log).category).toBe("dependency_resolution");
  });

  it("finds a traceback encoded inside a JSON log line", () => {
    const log = JSON.stringify({
      level: "error",
      msg: "worker crashed",
      exc: "Traceback (most recent call last):\n  File \"w.py\", line 3\nKeyError: 'id'",
    });
    const r = analyzeLog(log);
    expect(r.category).toBe("application_exception");
    expect(r.classifications.some((c) => c.pattern_id === "exc.python-traceback")).toBe(true);
  });

  it("returns 'other' with low severity for an empty or unrecognised log", () => {
    expect(analyzeLog("")).toMatchObject({ category: "other", severity: "low", classifications: [] });
    expect(analyzeLog("INFO server started on :8080\nINFO ready").category).toBe("other");
  });
});

describe("analyzeLog adversarial input", () => {
  it("classifies binary garbage as other and keeps excerpts printable", () => {
    let seed = 42;
    const bytes = new Uint8Array(256 * 1024);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = seed & 0xff;
    }
    const r = analyzeLog(new TextDecoder("latin1").decode(bytes));
    expect(r.category).toBe("other");
    expect(r.classifications).toEqual([]);
  });

  it("handles a 1 MiB single line without losing a match near the end", () => {
    const log = `${"a".repeat(1024 * 1024)}! OOMKilled`;
    const r = analyzeLog(log);
    expect(r.category).toBe("oomkilled");
    expect(r.classifications[0].excerpt.length).toBeLessThanOrEqual(240);
    expect(r.stats.segments).toBeGreaterThan(400);
  });

  it("finds a match straddling a window boundary of a long line", () => {
    const pad = "x".repeat(2048 - 5);
    expect(analyzeLog(`${pad} CrashLoopBackOff`).category).toBe("crashloopbackoff");
  });

  it("bounds the number of classifications for a log that repeats one error", () => {
    const log = "dial tcp 10.0.0.1:5432: connect: connection refused\n".repeat(10_000);
    const r = analyzeLog(log);
    expect(r.category).toBe("connection_refused");
    expect(r.stats.hits).toBe(10_000);
    expect(r.classifications.length).toBeLessThanOrEqual(3);
  });
});
