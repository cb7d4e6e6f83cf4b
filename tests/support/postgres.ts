import { afterAll, beforeAll } from "vitest";
import { type CreateTestDatabaseOptions, createTestDatabase, type TestDatabase } from "./test-database";

// The vitest-free part lives in test-database.ts, so benches can use it too.
export { type CreateTestDatabaseOptions, createTestDatabase, type TestDatabase };

/**
 * Vitest helper: creates the database in beforeAll and removes it in afterAll.
 *
 *   const db = withTestDatabase();
 *   it("...", async () => { const prisma = makeClient(db.url); ... });
 */
export function withTestDatabase(options: CreateTestDatabaseOptions = {}): {
  readonly url: string;
  readonly kind: TestDatabase["kind"];
} {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase(options);
  });
  afterAll(async () => {
    await current?.stop();
  });
  const get = () => {
    if (!current) throw new Error("withTestDatabase(): database is only available inside tests/hooks");
    return current;
  };
  return {
    get url() {
      return get().url;
    },
    get kind() {
      return get().kind;
    },
  };
}
