import { describe, expect, it } from "vitest";
import { checkReadiness, type ReadinessDeps, sanitizeError } from "./readiness";

const base: ReadinessDeps = {
  version: "1.2.3",
  startedAt: Date.now() - 5000,
  timeoutMs: 200,
  checkDatabase: async () => {},
  checkVectorStore: async () => {},
  database: { embedded: true },
  vectorStore: { embedded: true },
  ai: { mode: "offline", model: "gemini-2.5-flash" },
  kubernetes: { mode: "none" },
};

describe("checkReadiness", () => {
  it("is ready when every dependency answers", async () => {
    const r = await checkReadiness(base);
    expect(r.status).toBe("ready");
    expect(r.failing).toEqual([]);
    expect(r.uptime_s).toBeGreaterThanOrEqual(5);
    expect(r.checks.ai).toEqual({ mode: "offline", model: null });
  });

  it("names a failing database and keeps the others up", async () => {
    const r = await checkReadiness({
      ...base,
      checkDatabase: async () => {
        throw new Error("connect ECONNREFUSED postgres://admin:hunter2@db:5432/x\nstack...");
      },
    });
    expect(r.status).toBe("not_ready");
    expect(r.failing).toEqual(["database"]);
    expect(r.checks.database.error).not.toContain("hunter2");
    expect(r.checks.vector_store.status).toBe("up");
  });

  it("turns a hanging dependency into a timeout instead of hanging", async () => {
    const r = await checkReadiness({ ...base, checkVectorStore: () => new Promise(() => {}) });
    expect(r.failing).toEqual(["vector_store"]);
    expect(r.checks.vector_store.error).toMatch(/did not answer within 200 ms/);
  });
});

describe("sanitizeError", () => {
  it("strips credentials from URLs", () => {
    expect(sanitizeError(new Error("x postgresql://u:p@h/db"))).toBe("x postgresql://[redacted]@h/db");
  });
});

describe("identity provider in readiness", () => {
  it("reports an unreachable IdP without failing readiness", async () => {
    const report = await checkReadiness({
      version: "1",
      startedAt: Date.now(),
      timeoutMs: 200,
      checkDatabase: async () => {},
      checkVectorStore: async () => {},
      database: { embedded: true },
      vectorStore: { embedded: true },
      ai: { mode: "offline", model: "m" },
      kubernetes: { mode: "none" },
      identity: {
        mode: "oidc",
        issuer: "https://idp.example.com",
        check: async () => {
          throw new Error("connect ECONNREFUSED");
        },
      },
    });
    expect(report.status).toBe("ready");
    expect(report.failing).toEqual([]);
    expect(report.checks.identity).toMatchObject({
      mode: "oidc",
      status: "down",
      error: "connect ECONNREFUSED",
    });
  });
});
