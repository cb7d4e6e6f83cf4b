import { gunzipSync, gzipSync } from "node:zlib";
import type { Db } from "@/lib/db/client";
import {
  type DirectoryEntry,
  readDirectoryContents,
  writeDirectoryContents,
} from "../workspace/directory-contents";
import { isSealedBytes, openBytes, sealBytes } from "./secrets-box";

/** Snapshots bigger than this are not stored; such a task restarts its steps from the beginning. */
export const MAX_SNAPSHOT_BYTES = 32 * 1024 * 1024;

/**
 * How a task's stored state is protected. A workspace may hold files rendered from secrets (a token
 * written into a config file), so with a key every snapshot is sealed; without one, a task that has
 * secrets keeps no snapshot at all (it restarts from the first step when resumed elsewhere).
 */
export interface SnapshotSealing {
  key?: string;
  taskHasSecrets: boolean;
}

export async function saveWorkspaceSnapshot(
  db: Db,
  taskId: string,
  stepId: string,
  workspace: string,
  sealing: SnapshotSealing = { taskHasSecrets: false },
): Promise<boolean> {
  if (!sealing.key && sealing.taskHasSecrets) {
    await db.scaffolderWorkspace.deleteMany({ where: { taskId } });
    return false;
  }
  const contents = await readDirectoryContents(workspace);
  const gz = gzipSync(Buffer.from(JSON.stringify(contents)));
  if (gz.length > MAX_SNAPSHOT_BYTES) {
    await db.scaffolderWorkspace.deleteMany({ where: { taskId } });
    return false;
  }
  const bytes = new Uint8Array(sealing.key ? sealBytes(gz, sealing.key) : gz);
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
  key?: string,
): Promise<string | undefined> {
  const row = await db.scaffolderWorkspace.findUnique({ where: { taskId } });
  if (!row) return undefined;
  let data: Buffer = Buffer.from(row.contents);
  if (isSealedBytes(data)) {
    // Sealed under a key this process lacks (or a rotated one): start over rather than fail.
    if (!key) return undefined;
    try {
      data = openBytes(data, key);
    } catch {
      return undefined;
    }
  }
  const entries = JSON.parse(gunzipSync(data).toString("utf8")) as DirectoryEntry[];
  await writeDirectoryContents(workspace, entries);
  return row.stepId;
}
