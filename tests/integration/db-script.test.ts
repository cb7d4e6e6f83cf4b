import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await testDb?.stop();
});

function db(command: string): Promise<{ code: number; out: string }> {
  const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");
  const env = { ...process.env, DATABASE_URL: testDb.url, CHROMA_URL: "" };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsx, "scripts/db.ts", command],
      { env, timeout: 180_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

describe("scripts/db.ts (npm run db:migrate / db:seed)", () => {
  it("migrates a fresh database, then reports it up to date", async () => {
    const first = await db("migrate");
    expect(first.out).toContain("catalog_pasted_documents");
    expect(first.code).toBe(0);
    const again = await db("migrate");
    expect(again.out).toContain("up to date");
  }, 240_000);

  it("seeds the demo catalog idempotently", async () => {
    const first = await db("seed");
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/demo-org: \+\d{2,}/);
    const again = await db("seed");
    expect(again.out).toMatch(/demo-org: \+0 ~0 =\d+/);
  }, 240_000);

  it("refuses an unknown command with usage", async () => {
    const res = await db("drop");
    expect(res.code).toBe(2);
    expect(res.out).toContain("usage");
  });
});
