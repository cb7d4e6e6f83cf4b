import fs from "node:fs";
import path from "node:path";
import git from "isomorphic-git";
import { IngestError } from "./ingest-error";
import type { CatalogReader } from "./reader";

export interface GitTarget {
  gitdir: string;
  ref: string;
  filePath: string;
}

/** `git` location targets: `/abs/owner/repo.git/blob/<ref>/<path>` (the scaffolder's embedded repos). */
export function parseGitTarget(target: string): GitTarget {
  const m = /^(\/.+?\.git)\/blob\/([^/]+)\/(.+)$/.exec(target);
  if (!m)
    throw new IngestError(
      "READ_FAILED",
      `Invalid git location target "${target}"; expected /path/repo.git/blob/<ref>/<file>`,
    );
  const filePath = path.posix.normalize(m[3]);
  if (filePath.startsWith("..") || path.posix.isAbsolute(filePath))
    throw new IngestError("READ_FAILED", `git location path "${m[3]}" leaves the repository`);
  return { gitdir: path.resolve(m[1]), ref: m[2], filePath };
}

/** Reads files from bare repositories under the allowed roots (the embedded git publisher's folder). */
export function createGitReader(options: {
  allowedRoots: readonly string[];
  maxBytes: number;
}): CatalogReader {
  return {
    async read(spec) {
      const t = parseGitTarget(spec.target);
      const allowed = options.allowedRoots.some((root) => {
        const rel = path.relative(path.resolve(root), t.gitdir);
        return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
      });
      if (!allowed)
        throw new IngestError("FORBIDDEN_HOST", `Reading git repository ${t.gitdir} is not allowed`);
      let oid: string;
      try {
        oid = await git.resolveRef({ fs, gitdir: t.gitdir, ref: t.ref });
      } catch {
        throw new IngestError("NOT_FOUND", `Ref ${t.ref} not found in ${t.gitdir}`);
      }
      try {
        const { blob } = await git.readBlob({ fs, gitdir: t.gitdir, oid, filepath: t.filePath });
        if (blob.byteLength > options.maxBytes)
          throw new IngestError("PAYLOAD_TOO_LARGE", `${t.filePath} exceeds ${options.maxBytes} bytes`);
        return Buffer.from(blob).toString("utf8");
      } catch (error) {
        if (error instanceof IngestError) throw error;
        throw new IngestError("NOT_FOUND", `${t.filePath} not found at ${t.ref} in ${t.gitdir}`);
      }
    },
  };
}
