import os from "node:os";
import { getServerConfig, type ServerConfig } from "@/lib/config/server-config";

export type ScaffolderConfig = ServerConfig["scaffolder"] & {
  dataDir: string;
  /** This process in task leases: a dead worker's tasks are recovered by another. */
  workerId: string;
};

/**
 * The scaffolder's settings: parsed and validated once with the rest of the server config
 * (lib/config/schema.ts), so a bad PORTICO_SCAFFOLDER_* value fails at boot, not on the first task.
 */
export function getScaffolderConfig(): ScaffolderConfig {
  const config = getServerConfig();
  return { ...config.scaffolder, dataDir: config.dataDir, workerId: `${os.hostname()}:${process.pid}` };
}
