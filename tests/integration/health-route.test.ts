import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { resetServerConfigForTests } from "@/lib/config/server-config";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { startTempChroma, type TempChroma } from "@/tests/support/chroma";

// Readiness against real dependencies: up, then each one dying at runtime must
// turn into a fast 503 that names it, never a crash or a hang.
describe("GET /api/health", () => {
  let postgres: EmbeddedPostgres;
  let chroma: TempChroma;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, CHROMA_URL: process.env.CHROMA_URL };

  function resetSingletons() {
    resetServerConfigForTests();
    (globalThis as { __porticoDb?: unknown }).__porticoDb = undefined;
  }

  async function health(query = "") {
    const res = await GET(new Request(`http://localhost/api/health${query}`));
    return { status: res.status, body: await res.json() };
  }

  beforeAll(async () => {
    [postgres, chroma] = await Promise.all([startEmbeddedPostgres({}), startTempChroma()]);
    process.env.DATABASE_URL = postgres.url;
    process.env.CHROMA_URL = chroma.url;
    resetSingletons();
  });

  afterAll(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetSingletons();
    await Promise.allSettled([postgres?.stop(), chroma?.dispose()]);
  });

  it("is ready with both dependencies up", async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.status).toBe("ready");
    expect(body.checks.database.status).toBe("up");
    expect(body.checks.vector_store.status).toBe("up");
  });

  it("answers liveness without touching dependencies", async () => {
    const { status, body } = await health("?probe=live");
    expect(status).toBe(200);
    expect(body.status).toBe("alive");
  });

  it("names the vector store when Chroma dies", async () => {
    await chroma.dispose();
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.failing).toEqual(["vector_store"]);
  });

  it("names the database when Postgres dies, within the probe timeout", async () => {
    await postgres.stop();
    const started = Date.now();
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.failing).toContain("database");
    expect(body.checks.database.status).toBe("down");
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
