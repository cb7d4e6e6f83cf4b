import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ChromaClient } from "chromadb";
import { afterAll, beforeAll } from "vitest";
import { type ChromaServerHandle, startChromaServer } from "@/lib/vector/chroma-server";

export interface TempChroma {
  server: ChromaServerHandle;
  client: ChromaClient;
  dataDir: string;
  url: string;
  /** Stops the server and removes its temp data dir. Safe to call twice. */
  dispose(): Promise<void>;
}

export function chromaClientFor(server: { host: string; port: number }): ChromaClient {
  return new ChromaClient({ host: server.host, port: server.port, ssl: false });
}

/** Starts a real Chroma server on a free loopback port with a throwaway data dir. */
export async function startTempChroma(prefix = "portico-chroma-"): Promise<TempChroma> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const server = await startChromaServer({ dataDir, port: 0 });
  let disposed = false;
  return {
    server,
    client: chromaClientFor(server),
    dataDir,
    url: server.url,
    async dispose() {
      if (disposed) return;
      disposed = true;
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers beforeAll/afterAll hooks for one Chroma server per test file.
 * Call at module or describe scope; read `.current` inside tests.
 */
export function useChromaServer(): { readonly current: TempChroma } {
  let instance: TempChroma | undefined;
  beforeAll(async () => {
    instance = await startTempChroma();
  });
  afterAll(async () => {
    await instance?.dispose();
  });
  return {
    get current(): TempChroma {
      if (!instance) throw new Error("chroma server not started yet (use inside a test or hook)");
      return instance;
    },
  };
}
