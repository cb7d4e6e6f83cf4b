import fs from "node:fs";
import path from "node:path";

export type EngineChoice =
  | { kind: "native"; binary: string | undefined; reason: string }
  | { kind: "wasm-bridge"; binary: string; reason: string };

export interface SelectEngineInput {
  /** Repository root (where node_modules lives). */
  rootDir: string;
  env: Record<string, string | undefined>;
  /** Injected for tests; defaults to the real filesystem. */
  exists?: (file: string) => boolean;
  listDir?: (dir: string) => string[];
}

export const BRIDGE_RELATIVE_PATH = "scripts/prisma-engine/bridge.sh";

// Executables that exit 0 without speaking the protocol: the CLI would report
// every migrate command as a success while doing nothing.
const NO_OP_BINARIES = new Set(["true", "false", ":"]);

function defaultListDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Picks the schema engine the Prisma CLI should spawn: a native binary when one
 * is really available (explicitly configured, or shipped in node_modules), and
 * otherwise the WASM bridge ("air-gapped mode"), because the CLI would try to
 * download the native engine from a host that this environment cannot reach.
 * PORTICO_PRISMA_ENGINE=wasm|native forces a choice.
 */
export function selectSchemaEngine(input: SelectEngineInput): EngineChoice {
  const exists = input.exists ?? fs.existsSync;
  const listDir = input.listDir ?? defaultListDir;
  const bridge = path.join(input.rootDir, BRIDGE_RELATIVE_PATH);
  const forced = input.env.PORTICO_PRISMA_ENGINE;
  const configured = input.env.PRISMA_SCHEMA_ENGINE_BINARY;

  if (forced === "wasm") return { kind: "wasm-bridge", binary: bridge, reason: "PORTICO_PRISMA_ENGINE=wasm" };

  if (configured) {
    const resolved = path.resolve(input.rootDir, configured);
    if (resolved === bridge)
      return { kind: "wasm-bridge", binary: bridge, reason: "PRISMA_SCHEMA_ENGINE_BINARY is the bridge" };
    if (NO_OP_BINARIES.has(path.basename(resolved))) {
      return {
        kind: "wasm-bridge",
        binary: bridge,
        reason: `ignored no-op PRISMA_SCHEMA_ENGINE_BINARY=${configured}`,
      };
    }
    if (exists(resolved)) return { kind: "native", binary: resolved, reason: "PRISMA_SCHEMA_ENGINE_BINARY" };
    if (forced !== "native") {
      return {
        kind: "wasm-bridge",
        binary: bridge,
        reason: `PRISMA_SCHEMA_ENGINE_BINARY=${configured} does not exist`,
      };
    }
  }

  for (const dir of ["node_modules/@prisma/engines", "node_modules/prisma"]) {
    const native = listDir(path.join(input.rootDir, dir)).find((f) => f.startsWith("schema-engine-"));
    if (native) return { kind: "native", binary: undefined, reason: `found ${dir}/${native}` };
  }
  if (forced === "native")
    return { kind: "native", binary: undefined, reason: "PORTICO_PRISMA_ENGINE=native" };
  return {
    kind: "wasm-bridge",
    binary: bridge,
    reason: "no native schema engine available (air-gapped mode)",
  };
}

/** Environment the Prisma CLI needs so it spawns the chosen engine. */
export function engineEnvironment(choice: EngineChoice, nodeExecutable: string): Record<string, string> {
  if (choice.kind === "native") return choice.binary ? { PRISMA_SCHEMA_ENGINE_BINARY: choice.binary } : {};
  return { PRISMA_SCHEMA_ENGINE_BINARY: choice.binary, PORTICO_PRISMA_BRIDGE_NODE: nodeExecutable };
}
