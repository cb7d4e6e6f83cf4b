// Starts tests/support/fake-openai (a loopback OpenAI-compatible server) as a child
// process and resolves with the JSON line it prints ({ url, port }) once it listens.
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

export function startFakeOpenAi({
  root,
  port,
  timeoutMs = Number(process.env.E2E_KUBE_START_TIMEOUT_MS ?? 30_000),
}) {
  const child = spawn(
    process.execPath,
    [
      path.join(root, "node_modules", "tsx", "dist", "cli.mjs"),
      "tests/support/fake-openai/main.ts",
      "--port",
      String(port),
    ],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new Error(`fake OpenAI server did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(
        new Error(`fake OpenAI server exited with code ${code} before it was ready (port ${port} in use?)`),
      );
    });
    createInterface({ input: child.stdout }).once("line", (line) => {
      clearTimeout(timer);
      try {
        resolve({ child, ...JSON.parse(line) });
      } catch (error) {
        child.kill("SIGTERM");
        reject(error);
      }
    });
  });
}
