// Starts the portal for e2e runs on a fresh data directory, through the same
// launcher as `npm start`, so the tests exercise the real startup path. A fake
// Kubernetes API server (scenario "broken") runs first on a fixed loopback port
// and the portal gets its kubeconfig, so every spec sees a connected cluster.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { startFakeKube } from "./start-fake-kube.mjs";

const root = path.resolve(import.meta.dirname, "..", "..", "..");
// E2E_DATA_DIR (with E2E_PORT, E2E_KUBE_PORT, PORTICO_NEXT_DIST_DIR) lets two e2e runs share a checkout.
const dataDir = process.env.E2E_DATA_DIR ?? path.join(root, ".data", "e2e");
rmSync(dataDir, { recursive: true, force: true });

const kube = await startFakeKube({
  root,
  scenario: process.env.E2E_KUBE_SCENARIO ?? "broken",
  port: Number(process.env.E2E_KUBE_PORT ?? 3181),
  // A loaded machine compiles the fake's TypeScript slowly; the default 30 s can be too short.
  timeoutMs: Number(process.env.E2E_KUBE_START_TIMEOUT_MS ?? 30_000),
});
console.log(`[e2e] fake kube (${kube.scenario}) at ${kube.url}`);

const env = {
  ...process.env,
  PORTICO_DATA_DIR: dataDir,
  PORTICO_LOG_LEVEL: "warn",
  KUBECONFIG: kube.kubeconfigPath,
};
delete env.DATABASE_URL;
delete env.CHROMA_URL;
delete env.GOOGLE_GENERATIVE_AI_API_KEY;
delete env.KUBERNETES_SERVICE_HOST;

const child = spawn(
  process.execPath,
  [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts"],
  {
    cwd: root,
    env,
    stdio: "inherit",
  },
);
const stopKube = () => {
  if (kube.child.exitCode === null) kube.child.kill("SIGTERM");
};
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    child.kill(sig);
    stopKube();
  });
}
child.on("exit", (code) => {
  stopKube();
  process.exit(code ?? 0);
});
