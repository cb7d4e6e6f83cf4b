// A scaffolder worker in its own process, so a test can SIGKILL it mid-task.
import { createDb } from "@/lib/db/client";
import { createActionRegistry } from "@/lib/scaffolder/actions/registry";
import { TaskWorker } from "@/lib/scaffolder/tasks/worker";

const db = createDb(process.env.DATABASE_URL as string, { max: 2 });
const worker = new TaskWorker({
  db,
  registry: createActionRegistry(),
  services: { dataDir: process.env.PORTICO_DATA_DIR as string },
  workerId: "child-worker",
  concurrency: 1,
  leaseMs: Number(process.env.LEASE_MS ?? 2000),
  pollMs: 200,
});
worker.start();
process.stdout.write("ready\n");
