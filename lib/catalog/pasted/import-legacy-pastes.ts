import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlExecutor } from "@/lib/catalog/db/sql-client";
import { insertPastedDocumentIfMissing, isPastedTarget } from "./pasted-documents";

/**
 * Where earlier versions wrote pasted YAML: `<dataDir>/catalog/pasted`, and the same path
 * under `.next/standalone` when the standalone server resolved a relative data dir from
 * its own working directory (which the next build deletes).
 */
export function legacyPastedDirs(dataDir: string, appRoot: string, distDir = ".next"): string[] {
  const dirs = [
    path.join(dataDir, "catalog", "pasted"),
    path.join(appRoot, distDir, "standalone", ".data", "catalog", "pasted"),
    path.join(appRoot, ".data", "catalog", "pasted"),
  ].map((d) => path.resolve(d));
  return [...new Set(dirs)];
}

async function yamlFiles(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((n) => /\.ya?ml$/i.test(n)).map((n) => path.join(dir, n));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

export interface LegacyImportResult {
  /** Documents inserted (under their own path or a location's target). */
  imported: number;
  /** Pasted-file locations that still have no stored document (their file is gone). */
  missing: string[];
}

/**
 * Copies pasted files from the old disk locations into `catalog_pasted_documents`.
 * Idempotent: stored documents are never overwritten, files are left in place. A location
 * row whose target points at a directory that no longer holds the file (e.g. a rebuilt
 * `.next/standalone`) gets the same-named file from any other legacy directory, so the
 * row stays valid without being rewritten.
 */
export async function importLegacyPastes(db: SqlExecutor, dirs: string[]): Promise<LegacyImportResult> {
  const byName = new Map<string, string>();
  let imported = 0;
  for (const dir of dirs) {
    for (const file of await yamlFiles(dir)) {
      const content = await readFile(file, "utf8");
      if (!byName.has(path.basename(file))) byName.set(path.basename(file), content);
      if (await insertPastedDocumentIfMissing(db, file, content)) imported++;
    }
  }
  const rows = await db.$queryRawUnsafe<{ target: string }[]>(
    `SELECT target FROM catalog_locations WHERE type = 'file' AND target LIKE '%/catalog/pasted/%'`,
  );
  const missing: string[] = [];
  for (const { target } of rows) {
    if (await isPastedTarget(db, target)) continue;
    const content = byName.get(path.basename(target));
    if (content === undefined) missing.push(target);
    else if (await insertPastedDocumentIfMissing(db, target, content)) imported++;
  }
  return { imported, missing };
}
