import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(__dirname) };

// Three projects: fast pure-logic unit tests beside the code, integration tests under
// tests/integration that start real PGlite/Postgres/Chroma, the API fuzz suite (tests/fuzz)
// and the delivery checks (tests/delivery).
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // Property-based fuzzing of every app/api route (tests/fuzz/api-routes.test.ts).
          name: "fuzz",
          include: ["tests/fuzz/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        // Delivery artefacts (Dockerfile, infra/, gitops/, workflows) and the container's runtime
        // contract; spawns terraform, kubectl and the standalone server, so long timeouts.
        resolve: { alias },
        test: {
          name: "delivery",
          include: ["tests/delivery/**/*.test.ts"],
          environment: "node",
          testTimeout: 900_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
