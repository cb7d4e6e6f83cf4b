import { lstat, realpath } from "node:fs/promises";
import path from "node:path";

export class PathEscapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PathEscapeError";
  }
}

/**
 * Resolves a user/template-supplied relative path inside `root`. Absolute paths, `..` that
 * leaves the root, NUL bytes and Windows drive/UNC forms are refused before any I/O.
 */
export function resolveSafePath(root: string, relative: string, what = "path"): string {
  if (typeof relative !== "string") throw new PathEscapeError(`${what} must be a string`);
  if (relative.includes("\0")) throw new PathEscapeError(`${what} contains a NUL byte`);
  if (path.isAbsolute(relative) || /^[a-zA-Z]:[\\/]/.test(relative) || relative.startsWith("\\\\")) {
    throw new PathEscapeError(`${what} "${relative}" must be relative to the workspace`);
  }
  const resolved = path.resolve(root, relative);
  const rel = path.relative(root, resolved);
  if (rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    throw new PathEscapeError(`${what} "${relative}" resolves outside the workspace`);
  }
  return resolved;
}

/**
 * Checks that no existing component of `target` between `root` and it is a symlink leading out
 * of `root` (a template could ship `link -> /etc` and then write `link/passwd`).
 */
export async function assertInsideRealRoot(root: string, target: string): Promise<void> {
  const realRoot = await realpath(root);
  let cur = target;
  // Walk up to the deepest existing ancestor, then compare its real path.
  for (;;) {
    try {
      await lstat(cur);
      break;
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return;
      cur = parent;
    }
  }
  const real = await realpath(cur);
  const rel = path.relative(realRoot, real);
  if (rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    throw new PathEscapeError(
      `"${path.relative(root, target)}" leads outside the workspace through a symlink`,
    );
  }
}

/** Both checks: lexical, then through symlinks on disk. */
export async function safeWorkspacePath(root: string, relative: string, what = "path"): Promise<string> {
  const resolved = resolveSafePath(root, relative, what);
  await assertInsideRealRoot(root, resolved);
  return resolved;
}

/**
 * Checks many paths under one root with one realpath per directory: a fetch of 500 files into 20
 * folders costs 20 symlink checks, not 500. Valid for one action run, during which only this
 * writer creates directories (and symlinks it creates are checked to stay inside).
 */
export class SafePathChecker {
  private readonly verified = new Set<string>();
  private readonly created = new Set<string>();

  constructor(private readonly root: string) {}

  async resolve(relative: string, what = "path"): Promise<string> {
    const resolved = resolveSafePath(this.root, relative, what);
    const dir = path.dirname(resolved);
    if (!this.verified.has(dir)) {
      await assertInsideRealRoot(this.root, resolved);
      this.verified.add(dir);
    }
    return resolved;
  }

  /** mkdir -p once per directory. */
  async ensureDir(dir: string): Promise<void> {
    if (this.created.has(dir)) return;
    const { mkdir } = await import("node:fs/promises");
    await mkdir(dir, { recursive: true });
    this.created.add(dir);
  }
}
