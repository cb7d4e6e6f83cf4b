import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findFreePort, startChromaServer } from "@/lib/vector/chroma-server";
import { chromaClientFor, useChromaServer } from "@/tests/support/chroma";

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("embedded chroma server", () => {
  const chroma = useChromaServer();

  it("answers heartbeat and supports add/query/get/delete with caller-provided embeddings", async () => {
    const res = await fetch(`${chroma.current.url}/api/v2/heartbeat`);
    expect(res.ok).toBe(true);

    const col = await chroma.current.client.getOrCreateCollection({
      name: "smoke-test",
      embeddingFunction: null,
      configuration: { hnsw: { space: "cosine" } },
    });
    await col.upsert({
      ids: ["a", "b"],
      embeddings: [
        [1, 0, 0],
        [0, 1, 0],
      ],
      documents: ["alpha", "beta"],
      metadatas: [{ k: "1" }, { k: "2" }],
    });
    const q = await col.query({ queryEmbeddings: [[0.9, 0.1, 0]], nResults: 2 });
    expect(q.ids[0]).toEqual(["a", "b"]);
    const got = await col.get({ where: { k: "2" } });
    expect(got.ids).toEqual(["b"]);
    await col.delete({ ids: ["a"] });
    expect(await col.count()).toBe(1);
  });

  it("stop() terminates the child process and persists data across restarts", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "portico-chroma-restart-"));
    try {
      const port = await findFreePort();
      const first = await startChromaServer({ dataDir, port });
      expect(first.url).toBe(`http://127.0.0.1:${port}`);
      const col = await chromaClientFor(first).getOrCreateCollection({
        name: "persisted",
        embeddingFunction: null,
      });
      await col.add({ ids: ["x"], embeddings: [[0.5, 0.5]] });
      await first.stop();
      expect(pidAlive(first.pid)).toBe(false);
      await expect(fetch(`${first.url}/api/v2/heartbeat`)).rejects.toThrow();

      const second = await startChromaServer({ dataDir, port: 0 });
      try {
        const again = await chromaClientFor(second).getCollection({
          name: "persisted",
          embeddingFunction: null as never,
        });
        expect(await again.count()).toBe(1);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("refuses a port that is already taken instead of trusting a foreign heartbeat", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "portico-chroma-busy-"));
    try {
      const busyPort = Number(new URL(chroma.current.url).port);
      await expect(startChromaServer({ dataDir, port: busyPort })).rejects.toThrow(/already in use/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("surfaces the process output when it dies before becoming ready", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "portico-chroma-bad-"));
    try {
      const cliPath = path.join(dataDir, "broken-cli.mjs");
      writeFileSync(cliPath, 'console.error("boom: cannot open sqlite"); process.exit(3);\n');
      await expect(startChromaServer({ dataDir, cliPath, startTimeoutMs: 10_000 })).rejects.toThrow(
        /exit code 3[\s\S]*boom: cannot open sqlite/,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
