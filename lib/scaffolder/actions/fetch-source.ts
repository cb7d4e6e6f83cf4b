import { stat } from "node:fs/promises";
import path from "node:path";
import { assertInsideRealRoot, PathEscapeError, resolveSafePath } from "../workspace/safe-path";
import { fetchRemoteTree, resolveAgainstTemplateUrl } from "./fetch-remote";
import type { ActionContext } from "./types";

async function fetchRemote(ctx: ActionContext<unknown>, url: string): Promise<string> {
  const tmp = await ctx.createTemporaryDirectory();
  const input = ctx.input as { token?: unknown } | undefined;
  const host = new URL(url).host;
  const token =
    typeof input?.token === "string" ? input.token : ctx.services.integrationTokens?.[host.toLowerCase()];
  const source = await fetchRemoteTree({
    url,
    dir: path.join(tmp, "checkout"),
    gitdir: path.join(tmp, "git"),
    policy: ctx.services.fetch,
    token,
  });
  ctx.logger.info(`Fetched ${url}`);
  return source;
}

/**
 * Resolves a `fetch:*` `url`. Relative URLs resolve against the template's own folder and stay inside
 * it (a template cannot read the server's disk) — or, for a template registered from a repository URL,
 * against that URL, as in Backstage. Remote URLs are repository tree/blob URLs on allowed hosts, cloned
 * into a temporary directory that the runner removes after the step.
 */
export async function resolveFetchSource(ctx: ActionContext<unknown>, url: string): Promise<string> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return fetchRemote(ctx, url);
  const base = ctx.templateInfo.baseDir;
  if (!base && ctx.templateInfo.baseUrl)
    return fetchRemote(ctx, resolveAgainstTemplateUrl(ctx.templateInfo.baseUrl, url));
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
