// Starts the portal for e2e runs on a fresh data directory, through the same
// launcher as `npm start`, so the tests exercise the real startup path.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..", "..");
const dataDir = path.join(root, ".data", "e2e");
rmSync(dataDir, { recursive: true, force: true });

const env = { ...process.env, PORTICO_DATA_DIR: dataDir, PORTICO_LOG_LEVEL: "warn" };
delete env.DATABASE_URL;
delete env.CHROMA_URL;
delete env.GOOGLE_GENERATIVE_AI_API_KEY;

const child = spawn(
  process.execPath,
  [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts"],
  {
    cwd: root,
    env,
    stdio: "inherit",
  },
);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
