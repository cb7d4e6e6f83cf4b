import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { dump } from "js-yaml";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { createLocation } from "@/lib/catalog/service/location-service";

/** Writes a template folder under the data dir's catalog folder and registers it in the catalog. */
export async function registerTemplate(
  dataDir: string,
  name: string,
  spec: Record<string, unknown>,
  files: Record<string, string> = {},
): Promise<string> {
  const dir = path.join(dataDir, "catalog", "templates", name);
  await mkdir(dir, { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
  const entity = {
    apiVersion: "scaffolder.backstage.io/v1beta3",
    kind: "Template",
    metadata: { name },
    spec: { type: "service", owner: "group:default/platform", ...spec },
  };
  await writeFile(path.join(dir, "template.yaml"), dump(entity));
  await createLocation(
    catalogDeps(),
    { type: "file", target: path.join(dir, "template.yaml") },
    { dryRun: false, onConflict: "refresh" },
  );
  return `template:default/${name}`;
}

export async function waitFor<T>(
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
  what = "condition",
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
