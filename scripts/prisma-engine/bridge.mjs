// Stand-in for Prisma's native `schema-engine` binary (which cannot be downloaded
// here). Speaks the same stdio protocol the CLI uses with the native engine and
// executes every request on @prisma/schema-engine-wasm over @prisma/adapter-pg.
//
//   bridge --datamodels <file>... --datasource <json>            JSON-RPC on stdio
//   bridge --datasource <json> cli <can-connect-to-database|create-database|drop-database>
import { readFile } from "node:fs/promises";
import readline from "node:readline";
import {
  canConnect,
  createDatabase,
  createMigrationAdapterFactory,
  createOfflineAdapterFactory,
  dropDatabase,
} from "./adapter.mjs";
import { createWasmEngine, RpcError, takePanicMessage } from "./wasm-engine.mjs";

const DEBUG = Boolean(process.env.PORTICO_PRISMA_BRIDGE_DEBUG);

// The CLI parses stderr lines as tracing JSON; ERROR lines become its error message.
function logLine(level, message, extra = {}) {
  const line = {
    timestamp: new Date().toISOString(),
    level,
    fields: { message, ...extra },
    target: "schema_engine::logger",
  };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}
const debug = (message) => DEBUG && logLine("DEBUG", message);

function parseArgs(argv) {
  const out = { datamodels: [], datasource: undefined, cli: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--datamodels" || arg === "-d") out.datamodels.push(argv[++i]);
    else if (arg === "--datasource") out.datasource = JSON.parse(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++;
    else if (arg === "cli") out.cli = argv[++i];
    else if (arg === "--version" || arg === "-V") out.cli = "version";
    else throw new Error(`Unknown schema-engine argument: ${arg}`);
  }
  return out;
}

function resolveDatasource(datasource) {
  const url = datasource?.url ?? process.env.DATABASE_URL;
  if (!url) throw new Error("No datasource URL given (prisma.config.ts datasource.url / DATABASE_URL).");
  const shadowDatabaseUrl = datasource?.shadowDatabaseUrl ?? process.env.SHADOW_DATABASE_URL ?? undefined;
  return { url, shadowDatabaseUrl };
}

// Same error codes the native engine reports for connection problems.
function connectorErrorCode(error) {
  if (error?.code === "3D000") return "P1003";
  if (error?.code === "28P01" || error?.code === "28000") return "P1000";
  if (["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT"].includes(error?.code)) return "P1001";
  return undefined;
}

async function runCliCommand(command, datasource) {
  if (command === "version") {
    process.stdout.write("schema-engine-wasm-bridge\n");
    return;
  }
  // The CLI drops the first stderr line of a `cli` run before parsing the rest.
  logLine("INFO", `schema engine bridge: ${command}`);
  const { url } = resolveDatasource(datasource);
  const actions = {
    "can-connect-to-database": () => canConnect(url),
    "create-database": () => createDatabase(url),
    "drop-database": () => dropDatabase(url),
  };
  if (!actions[command]) throw new Error(`Unsupported schema-engine cli command: ${command}`);
  try {
    await actions[command]();
  } catch (error) {
    const code = connectorErrorCode(error);
    logLine("ERROR", String(error.message ?? error), code ? { error_code: code } : {});
    process.exitCode = 1;
  }
}

async function serveRpc({ datamodels: paths, datasource }) {
  const datamodels = paths.length
    ? await Promise.all(paths.map(async (p) => [p, await readFile(p, "utf8")]))
    : undefined;
  const ds = resolveDatasource(datasource);

  // The WASM engine connects when constructed, but a diff between schema files
  // (or from empty) needs no database, as with the native engine. Such requests
  // run against a throwaway in-memory PGlite instead of the configured one.
  const engines = new Map();
  const getEngine = (offline) => {
    if (!engines.has(offline)) {
      const adapterFactory = offline
        ? createOfflineAdapterFactory({ log: debug })
        : createMigrationAdapterFactory({ ...ds, log: debug });
      engines.set(offline, createWasmEngine({ datamodels, adapterFactory, log: debug }));
    }
    return engines.get(offline);
  };

  let nextOutgoingId = 1_000_000;
  const pendingOutgoing = new Map();
  const send = (msg) => process.stdout.write(`${JSON.stringify(msg)}\n`);

  // The native engine prints `diff` output through a `print` request to the CLI.
  const print = (content) =>
    new Promise((resolve) => {
      const id = nextOutgoingId++;
      pendingOutgoing.set(id, resolve);
      send({ jsonrpc: "2.0", id, method: "print", params: { content: content.replace(/\n$/, "") } });
    });

  // A Rust panic can trap inside a WASM callback, outside the awaited promise.
  // Answer the in-flight request as a panic (as the native engine does) and
  // exit non-zero so the CLI can never mistake it for success.
  let inFlight;
  process.on("uncaughtException", (error) => {
    const message = takePanicMessage() ?? String(error?.stack ?? error);
    logLine("ERROR", message, { is_panic: true });
    if (inFlight !== undefined) {
      send({
        jsonrpc: "2.0",
        id: inFlight,
        error: { code: 4466, message, data: { is_panic: true, message, meta: null, error_code: null } },
      });
    }
    process.exit(101);
  });

  async function handle(request) {
    const { id, method, params } = request;
    inFlight = id;
    debug(`request ${method}`);
    try {
      let result;
      if (method === "createDatabase") {
        await createDatabase(params?.datasource?.url ?? ds.url);
        result = { databaseName: new URL(params?.datasource?.url ?? ds.url).pathname.slice(1) };
      } else {
        const engine = await getEngine(isOfflineRequest(method, params));
        if (NEEDS_MIGRATION_SCHEMA.has(method)) await warmMigrationSchemaCache(engine, params);
        result = await engine.call(method, params);
      }
      if (method === "diff" && result?.stdout) {
        const { stdout, ...rest } = result;
        await print(stdout);
        result = rest;
      }
      send({ jsonrpc: "2.0", id, result: result ?? {} });
    } catch (error) {
      const e = error instanceof RpcError ? error : new RpcError(String(error?.message ?? error));
      logLine("ERROR", e.message, e.errorCode ? { error_code: e.errorCode } : {});
      send({
        jsonrpc: "2.0",
        id,
        error: {
          code: 4466,
          message: "An error happened. Check the data field for details.",
          data: {
            is_panic: e.isPanic,
            message: e.message,
            meta: e.meta ?? null,
            error_code: e.errorCode ?? null,
          },
        },
      });
    }
  }

  // Requests are served one at a time, in order, like the native engine.
  let queue = Promise.resolve();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      logLine("ERROR", `Invalid JSON-RPC line: ${line.slice(0, 200)}`);
      return;
    }
    if (msg.method === undefined && pendingOutgoing.has(msg.id)) {
      pendingOutgoing.get(msg.id)();
      pendingOutgoing.delete(msg.id);
      return;
    }
    queue = queue.then(() => handle(msg));
  });
  await new Promise((resolve) => lines.on("close", resolve));
  await queue;
  for (const engine of engines.values()) {
    await engine.then((e) => e.free()).catch(() => {});
  }
}

// The WASM engine's evaluateDataLoss/createMigration only read the schema of the
// migrations history from a per-engine cache that diagnoseMigrationHistory fills
// (using the shadow database); they cannot reach a shadow database themselves
// ("PostgreSQL shadow DB must be provided through an external factory"). The
// native engine replays migrations on demand, so the bridge fills the cache first.
const NEEDS_MIGRATION_SCHEMA = new Set(["evaluateDataLoss", "createMigration"]);
async function warmMigrationSchemaCache(engine, params) {
  if (!params?.migrationsList?.migrationDirectories?.length) return;
  await engine.call("diagnoseMigrationHistory", {
    migrationsList: params.migrationsList,
    optInToShadowDatabase: true,
    filters: params.filters ?? { externalTables: [], externalEnums: [] },
  });
}

const OFFLINE_DIFF_TAGS = new Set(["empty", "schemaDatamodel"]);
function isOfflineRequest(method, params) {
  return (
    method === "diff" && OFFLINE_DIFF_TAGS.has(params?.from?.tag) && OFFLINE_DIFF_TAGS.has(params?.to?.tag)
  );
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.cli) await runCliCommand(args.cli, args.datasource);
  else await serveRpc(args);
}

main().then(
  // Pools and PGlite handles may keep the loop alive; the protocol is finished.
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    logLine("ERROR", String(error?.stack ?? error));
    process.exit(1);
  },
);
