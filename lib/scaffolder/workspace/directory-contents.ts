import { chmod, lstat, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { resolveSafePath, SafePathChecker } from "./safe-path";

export interface DirectoryEntry {
  path: string;
  base64Content: string;
  executable?: boolean;
}

export interface WorkspaceLimits {
  maxFiles: number;
  maxBytes: number;
}

export const DEFAULT_WORKSPACE_LIMITS: WorkspaceLimits = { maxFiles: 10_000, maxBytes: 200 * 1024 * 1024 };

export class WorkspaceLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkspaceLimitError";
  }
}

export interface WalkedFile {
  /** POSIX path relative to the root. */
  path: string;
  abs: string;
  size: number;
  executable: boolean;
  symlink: boolean;
}

/** Lists regular files and symlinks under `root`, refusing to go past the limits. */
export async function walkFiles(
  root: string,
  limits: WorkspaceLimits = DEFAULT_WORKSPACE_LIMITS,
): Promise<WalkedFile[]> {
  const out: WalkedFile[] = [];
  let bytes = 0;
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name === ".git" && dir === root) continue;
        await walk(abs);
        continue;
      }
      if (!e.isFile() && !e.isSymbolicLink()) continue;
      const st = await lstat(abs);
      bytes += st.size;
      out.push({
        path: path.relative(root, abs).split(path.sep).join("/"),
        abs,
        size: st.size,
        executable: (st.mode & 0o111) !== 0,
        symlink: e.isSymbolicLink(),
      });
      if (out.length > limits.maxFiles)
        throw new WorkspaceLimitError(`Workspace has more than ${limits.maxFiles} files`);
      if (bytes > limits.maxBytes)
        throw new WorkspaceLimitError(`Workspace exceeds ${limits.maxBytes} bytes`);
    }
  }
  await walk(root);
  return out;
}

export async function readDirectoryContents(
  root: string,
  limits?: WorkspaceLimits,
): Promise<DirectoryEntry[]> {
  const files = await walkFiles(root, limits);
  const out: DirectoryEntry[] = [];
  for (const f of files) {
    if (f.symlink) continue;
    out.push({
      path: f.path,
      base64Content: (await readFile(f.abs)).toString("base64"),
      executable: f.executable,
    });
  }
  return out;
}

/** Writes uploaded files under `root`; every path goes through the same escape checks as actions. */
export async function writeDirectoryContents(
  root: string,
  entries: DirectoryEntry[],
  limits: WorkspaceLimits = DEFAULT_WORKSPACE_LIMITS,
): Promise<void> {
  if (entries.length > limits.maxFiles) throw new WorkspaceLimitError(`More than ${limits.maxFiles} files`);
  let bytes = 0;
  const checker = new SafePathChecker(root);
  // Every path is checked before anything is written, so a bad entry writes nothing.
  const targets = entries.map((e) => resolveSafePath(root, e.path, "directoryContents path"));
  for (const [i, e] of entries.entries()) {
    const target = await checker.resolve(path.relative(root, targets[i]), "directoryContents path");
    const data = Buffer.from(e.base64Content, "base64");
    bytes += data.length;
    if (bytes > limits.maxBytes) throw new WorkspaceLimitError(`Files exceed ${limits.maxBytes} bytes`);
    await checker.ensureDir(path.dirname(target));
    await writeFile(target, data, { mode: e.executable ? 0o755 : 0o644 });
    if (e.executable) await chmod(target, 0o755);
  }
}
