import { open } from "node:fs/promises";
import path from "node:path";
import { IngestError } from "./ingest-error";
import { type CatalogReader, DEFAULT_MAX_BYTES } from "./reader";

export interface FileReaderOptions {
  maxBytes?: number;
  /** When set, only files under these directories can be read (keeps Location targets inside the repo). */
  allowedRoots?: string[];
}

function isInside(file: string, root: string): boolean {
  const rel = path.relative(path.resolve(root), file);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

export function createFileReader(options: FileReaderOptions = {}): CatalogReader {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return {
    async read(spec) {
      const file = path.resolve(spec.target);
      if (options.allowedRoots && !options.allowedRoots.some((root) => isInside(file, root))) {
        throw new IngestError("FORBIDDEN_HOST", `File ${file} is outside the allowed catalog directories`);
      }
      let handle: Awaited<ReturnType<typeof open>>;
      try {
        handle = await open(file, "r");
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT") throw new IngestError("NOT_FOUND", `File ${file} does not exist`);
        throw new IngestError("READ_FAILED", `Could not read ${file}: ${(error as Error).message}`);
      }
      try {
        const { size } = await handle.stat();
        if (size > maxBytes) {
          throw new IngestError(
            "PAYLOAD_TOO_LARGE",
            `File ${file} is ${size} bytes; the limit is ${maxBytes} bytes`,
          );
        }
        return await handle.readFile("utf8");
      } finally {
        await handle.close();
      }
    },
  };
}
