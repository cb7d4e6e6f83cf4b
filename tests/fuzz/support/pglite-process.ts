import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import type { TestDatabase } from "@/tests/support/test-database";

/**
 * A migrated in-memory PGlite served from a child process. In production PGlite runs in the
 * launcher, not in the Next server process; running it in-process here would make every slow
 * query look like an event-loop stall of the route under test.
 */
export async function startPgliteProcess(root: string): Promise<TestDatabase> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "tests/fuzz/support/pglite-server.ts")],
    { cwd: root, stdio: ["pipe", "pipe", "inherit"] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const timer = setTimeout(() => reject(new Error("PGlite child did not start within 120 s")), 120_000);
    lines.on("line", (line) => {
      const m = /^READY (\S+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`PGlite child exited with ${code}`)));
  });
  let stopped: Promise<void> | undefined;
  return {
    url,
    kind: "pglite",
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.stdin?.end();
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      });
      return stopped;
    },
  };
}
