import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createHashingEmbedder } from "@/lib/vector/embeddings";
import { createRunbookService } from "./service";

describe("createRunbookService", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "portico-rb-svc-"));
  cpSync(path.resolve(__dirname, "../../runbooks"), dir, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const svc = createRunbookService({ runbooksDir: dir, embedder: createHashingEmbedder(), chroma: null });

  it("loads once and serves list/get/search from the cached set", async () => {
    const first = await svc.list();
    expect(await svc.list()).toBe(first);
    expect((await svc.get("oomkilled"))?.title).toMatch(/OOMKilled/);
    expect(await svc.get("missing")).toBeUndefined();
    const res = await svc.search({ query: "Error acquiring the state lock" });
    expect(res.results[0].id).toBe("terraform-state-lock");
    expect(res.degraded).toEqual(["vector_store"]);
  });

  it("refuses to reindex without a vector store", async () => {
    await expect(svc.reindex()).rejects.toThrow(/no vector store/);
  });

  it("retries loading after a validation failure instead of caching the error", async () => {
    const bad = path.join(dir, "broken.md");
    writeFileSync(bad, "no front matter");
    const fresh = createRunbookService({ runbooksDir: dir, embedder: createHashingEmbedder(), chroma: null });
    await expect(fresh.list()).rejects.toThrow(/missing YAML front matter/);
    rmSync(bad);
    expect((await fresh.list()).length).toBeGreaterThan(20);
  });
});
