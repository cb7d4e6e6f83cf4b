import { gunzipSync, gzipSync } from "node:zlib";
import type { Db } from "@/lib/db/client";
import {
  type DirectoryEntry,
  readDirectoryContents,
  writeDirectoryContents,
} from "../workspace/directory-contents";

/** Snapshots bigger than this are not stored; such a task restarts its steps from the beginning. */
export const MAX_SNAPSHOT_BYTES = 32 * 1024 * 1024;

export async function saveWorkspaceSnapshot(
  db: Db,
  taskId: string,
  stepId: string,
  workspace: string,
): Promise<boolean> {
  const contents = await readDirectoryContents(workspace);
  const gz = gzipSync(Buffer.from(JSON.stringify(contents)));
  if (gz.length > MAX_SNAPSHOT_BYTES) {
    await db.scaffolderWorkspace.deleteMany({ where: { taskId } });
    return false;
  }
  const bytes = new Uint8Array(gz);
  await db.scaffolderWorkspace.upsert({
    where: { taskId },
    create: { taskId, stepId, contents: bytes },
    update: { stepId, contents: bytes },
  });
  return true;
}

export async function restoreWorkspaceSnapshot(
  db: Db,
  taskId: string,
  workspace: string,
): Promise<string | undefined> {
  const row = await db.scaffolderWorkspace.findUnique({ where: { taskId } });
  if (!row) return undefined;
  const entries = JSON.parse(gunzipSync(Buffer.from(row.contents)).toString("utf8")) as DirectoryEntry[];
  await writeDirectoryContents(workspace, entries);
  return row.stepId;
}
