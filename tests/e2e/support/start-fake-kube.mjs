// Starts tests/support/fake-kube as a child process and resolves with the JSON
// line it prints ({ url, kubeconfigPath, port, ... }) once it is listening.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { shiftedFixtures } from "./shift-fixtures.mjs";

export function startFakeKube({ root, scenario, port, timeoutMs = 30_000 }) {
  const fixtures = shiftedFixtures(path.join(root, "tests", "fixtures", "k8s"), scenario);
  const child = spawn(
    process.execPath,
    [
      path.join(root, "node_modules", "tsx", "dist", "cli.mjs"),
      "tests/support/fake-kube/main.ts",
      "--scenario",
      scenario,
      "--fixtures",
      fixtures,
      "--port",
      String(port),
    ],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
  );
  // The server reads its fixtures once at startup, so the copy can go as soon as it listens
  // (or exits): nothing is left behind even if the whole process group is SIGKILLed later.
  const cleanup = () => rmSync(fixtures, { recursive: true, force: true });
  child.once("exit", cleanup);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new Error(`fake kube did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`fake kube exited with code ${code} before it was ready (port ${port} in use?)`));
    });
    createInterface({ input: child.stdout }).once("line", (line) => {
      clearTimeout(timer);
      cleanup();
      try {
        resolve({ child, ...JSON.parse(line) });
      } catch (error) {
        child.kill("SIGTERM");
        reject(error);
      }
    });
  });
}
