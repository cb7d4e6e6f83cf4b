import { stat } from "node:fs/promises";
import path from "node:path";
import { assertInsideRealRoot, PathEscapeError, resolveSafePath } from "../workspace/safe-path";
import type { ActionContext } from "./types";

/**
 * Resolves a `fetch:*` `url` against the template's own folder. Relative URLs stay inside that
 * folder (a template cannot read the server's disk); remote URLs are not fetched by this build.
 */
export async function resolveFetchSource(ctx: ActionContext<unknown>, url: string): Promise<string> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new Error(
      `Fetching remote URL ${url} is not supported: ship the skeleton next to template.yaml and use a relative url`,
    );
  }
  const base = ctx.templateInfo.baseDir;
  if (!base) throw new Error(`Cannot resolve relative url "${url}": the template has no local base folder`);
  let abs: string;
  try {
    abs = resolveSafePath(base, url, "url");
  } catch (error) {
    if (error instanceof PathEscapeError)
      throw new PathEscapeError(`url "${url}" leaves the template folder`);
    throw error;
  }
  await assertInsideRealRoot(base, abs);
  try {
    await stat(abs);
  } catch {
    throw new Error(`url "${url}" does not exist in the template (${path.basename(base)})`);
  }
  return abs;
}

export function isBinary(buf: Buffer): boolean {
  const head = buf.subarray(0, 8000);
  if (head.includes(0)) return true;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(buf);
    return false;
  } catch {
    return true;
  }
}
