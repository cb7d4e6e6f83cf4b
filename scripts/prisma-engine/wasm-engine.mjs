// Loads @prisma/schema-engine-wasm and maps its results/errors onto the shapes
// the Prisma CLI expects from the native schema-engine's JSON-RPC server.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

// Rust panics inside the WASM engine report their message through this global
// before trapping; without it the panic handler itself throws and kills the process.
let lastPanicMessage;
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message) {
    lastPanicMessage = `RuntimeError: ${message}`;
  },
  get() {
    return lastPanicMessage ?? "";
  },
};

export function takePanicMessage() {
  const message = lastPanicMessage;
  lastPanicMessage = undefined;
  return message;
}

// One instance per process: the generated bindings keep the module in a global,
// so instantiating again would pull the memory out from under live engines.
let bindings;
function loadWasmBindings() {
  bindings ??= instantiateWasm();
  return bindings;
}

async function instantiateWasm() {
  // Instantiated by hand: importing the package's .wasm ESM entry needs an
  // experimental Node flag and prints a warning into the CLI's stderr channel.
  const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const bgPath = fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bytes = await readFile(bgPath.replace(/schema_engine_bg\.js$/, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return bg;
}

/** JSON-RPC method name (native protocol) -> WASM engine method name. */
const METHODS = {
  applyMigrations: "applyMigrations",
  createMigration: "createMigration",
  dbExecute: "dbExecute",
  debugPanic: "debugPanic",
  devDiagnostic: "devDiagnostic",
  diagnoseMigrationHistory: "diagnoseMigrationHistory",
  diff: "diff",
  ensureConnectionValidity: "ensureConnectionValidity",
  evaluateDataLoss: "evaluateDataLoss",
  getDatabaseVersion: "version",
  introspect: "introspect",
  introspectSql: "introspectSql",
  markMigrationApplied: "markMigrationApplied",
  markMigrationRolledBack: "markMigrationRolledBack",
  reset: "reset",
  schemaPush: "schemaPush",
};

export class RpcError extends Error {
  constructor(message, { errorCode, isPanic = false, meta } = {}) {
    super(message);
    this.errorCode = errorCode;
    this.isPanic = isPanic;
    this.meta = meta;
  }
}

export async function createWasmEngine({ datamodels, adapterFactory, log }) {
  const bg = await loadWasmBindings();
  const bound = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  function translateError(error) {
    // Plain JS exceptions thrown inside the adapter reach the engine only as
    // `GenericJs { id }`; the original lives in the error registry.
    const registryId = /GenericJs[^\d]*?(\d+)/.exec(String(error?.message ?? ""))?.[1];
    const captured =
      registryId === undefined ? undefined : bound.errorRegistry.consumeError(Number(registryId));
    if (captured) {
      const cause = captured.error;
      return new RpcError(`${error.message}: ${String(cause?.stack ?? cause?.message ?? cause)}`);
    }
    if (error instanceof WebAssembly.RuntimeError || error?.name === "RuntimeError") {
      const panic = lastPanicMessage ?? String(error.message ?? error);
      lastPanicMessage = undefined;
      return new RpcError(panic, { isPanic: true });
    }
    if (error && typeof error === "object" && "code" in error && error.code) {
      return new RpcError(String(error.message), { errorCode: String(error.code), meta: error.meta });
    }
    return new RpcError(String(error?.message ?? error));
  }

  let engine;
  try {
    engine = await bg.SchemaEngine.new({ datamodels }, (line) => log(line), bound);
  } catch (error) {
    throw translateError(error);
  }

  return {
    async call(method, params) {
      const target = METHODS[method];
      if (!target) {
        throw new RpcError(`The WASM schema engine bridge does not implement "${method}".`);
      }
      let input = params;
      if (method === "introspect") input = { ...params, namespaces: params?.namespaces ?? null };
      try {
        // Called as a method (not extracted) so wasm-bindgen keeps its `this`.
        return await engine[target](input);
      } catch (error) {
        throw translateError(error);
      }
    },
    free() {
      engine.free();
    },
  };
}
