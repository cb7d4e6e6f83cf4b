import path from "node:path";
import type { SqlExecutor } from "@/lib/catalog/db/sql-client";

/**
 * Pasted YAML is stored in Postgres, keyed by the absolute `file` target its location is
 * registered under. The target is only a name: no replica ever reads it from disk, so a
 * paste written through one replica refreshes on any other, and rebuilds cannot lose it.
 */
export function pastedKey(target: string): string {
  return path.resolve(target);
}

export async function getPastedDocument(db: SqlExecutor, target: string): Promise<string | null> {
  const rows = await db.$queryRawUnsafe<{ content: string }[]>(
    `SELECT content FROM catalog_pasted_documents WHERE target = $1`,
    pastedKey(target),
  );
  return rows[0]?.content ?? null;
}

export async function isPastedTarget(db: SqlExecutor, target: string): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<unknown[]>(
    `SELECT 1 FROM catalog_pasted_documents WHERE target = $1`,
    pastedKey(target),
  );
  return rows.length > 0;
}

export async function savePastedDocument(db: SqlExecutor, target: string, content: string): Promise<void> {
  await db.$executeRawUnsafe(
    `INSERT INTO catalog_pasted_documents (target, content) VALUES ($1, $2)
     ON CONFLICT (target) DO UPDATE SET content = EXCLUDED.content, updated_at = now()`,
    pastedKey(target),
    content,
  );
}

/** Inserts only when nothing is stored yet (legacy import must never overwrite a newer paste). */
export async function insertPastedDocumentIfMissing(
  db: SqlExecutor,
  target: string,
  content: string,
): Promise<boolean> {
  const n = await db.$executeRawUnsafe(
    `INSERT INTO catalog_pasted_documents (target, content) VALUES ($1, $2) ON CONFLICT (target) DO NOTHING`,
    pastedKey(target),
    content,
  );
  return n > 0;
}

export async function deletePastedDocument(db: SqlExecutor, target: string): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM catalog_pasted_documents WHERE target = $1`, pastedKey(target));
}
