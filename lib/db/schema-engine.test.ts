import { describe, expect, it } from "vitest";
import { engineEnvironment, selectSchemaEngine } from "./schema-engine";

const root = "/repo";
const bridge = "/repo/scripts/prisma-engine/bridge.sh";

function pick(env: Record<string, string>, files: string[] = [], dirs: Record<string, string[]> = {}) {
  return selectSchemaEngine({
    rootDir: root,
    env,
    exists: (f) => files.includes(f),
    listDir: (d) => dirs[d] ?? [],
  });
}

describe("selectSchemaEngine", () => {
  it("uses the WASM bridge when no native engine exists (air-gapped mode)", () => {
    expect(pick({})).toMatchObject({ kind: "wasm-bridge", binary: bridge });
  });

  it("keeps a user-provided native engine that exists", () => {
    expect(pick({ PRISMA_SCHEMA_ENGINE_BINARY: "/opt/schema-engine" }, ["/opt/schema-engine"])).toMatchObject(
      {
        kind: "native",
        binary: "/opt/schema-engine",
      },
    );
  });

  it("falls back to the bridge when the configured binary is missing or a no-op", () => {
    expect(pick({ PRISMA_SCHEMA_ENGINE_BINARY: "/opt/missing" }).kind).toBe("wasm-bridge");
    expect(pick({ PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true" }, ["/bin/true"]).kind).toBe("wasm-bridge");
  });

  it("lets the CLI find a native engine shipped in node_modules", () => {
    const dirs = { "/repo/node_modules/@prisma/engines": ["schema-engine-debian-openssl-3.0.x", "dist"] };
    expect(pick({}, [], dirs)).toMatchObject({ kind: "native", binary: undefined });
  });

  it("PORTICO_PRISMA_ENGINE=wasm wins over everything", () => {
    const dirs = { "/repo/node_modules/@prisma/engines": ["schema-engine-debian-openssl-3.0.x"] };
    expect(pick({ PORTICO_PRISMA_ENGINE: "wasm" }, [], dirs).kind).toBe("wasm-bridge");
  });
});

describe("engineEnvironment", () => {
  it("passes the bridge and the Node that should run it", () => {
    expect(engineEnvironment({ kind: "wasm-bridge", binary: bridge, reason: "" }, "/node24")).toEqual({
      PRISMA_SCHEMA_ENGINE_BINARY: bridge,
      PORTICO_PRISMA_BRIDGE_NODE: "/node24",
    });
    expect(engineEnvironment({ kind: "native", binary: undefined, reason: "" }, "/node24")).toEqual({});
  });
});
