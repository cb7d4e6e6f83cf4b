import path from "node:path";
import { type GitTarget, parseGitTarget } from "./git-reader";
import { IngestError } from "./ingest-error";
import type { LocationSpec, LocationType } from "./types";

/** Backstage's location key form, used in managed-by-location annotations: `url:https://…`, `file:/abs`. */
export function locationKey(spec: LocationSpec): string {
  return `${spec.type}:${spec.target}`;
}

export function parseLocationKey(key: string): LocationSpec {
  const i = key.indexOf(":");
  const type = key.slice(0, i);
  if (i <= 0 || (type !== "file" && type !== "url" && type !== "git"))
    throw new Error(`Invalid location key "${key}"`);
  return { type, target: key.slice(i + 1) };
}

function isAbsoluteUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/** Normalises a user-supplied location: URLs stay URLs, file paths become absolute. */
export function normalizeLocation(
  type: string | undefined,
  target: string,
  cwd = process.cwd(),
): LocationSpec {
  if (type === "git") return { type: "git", target: gitTargetString(parseGitTarget(target)) };
  const resolvedType: LocationType = type === "url" || (!type && isAbsoluteUrl(target)) ? "url" : "file";
  if (type && type !== "url" && type !== "file") {
    throw new IngestError("READ_FAILED", `Unsupported location type "${type}"; expected "file" or "url"`);
  }
  if (resolvedType === "url") {
    if (!isAbsoluteUrl(target))
      throw new IngestError("READ_FAILED", `Location target "${target}" is not an absolute http(s) URL`);
    if (!URL.canParse(target))
      throw new IngestError("READ_FAILED", `Location target "${target}" is not a valid URL`);
    return { type: "url", target: new URL(target).toString() };
  }
  return { type: "file", target: path.resolve(cwd, target.replace(/^file:(\/\/)?/, "")) };
}

/**
 * Resolves a target named inside a file (Location targets, $text placeholders)
 * relative to that file, the way Backstage's processors do.
 */
export function resolveRelative(base: LocationSpec, target: string, type?: string): LocationSpec {
  if (base.type === "git" && !isAbsoluteUrl(target) && (type === undefined || type === "git")) {
    // Relative targets stay in the same repository and ref; parseGitTarget refuses `..` escapes.
    const t = parseGitTarget(base.target);
    const filePath = path.posix.join(path.posix.dirname(t.filePath), target);
    if (filePath === ".." || filePath.startsWith("../") || path.posix.isAbsolute(target)) {
      throw new IngestError(
        "READ_FAILED",
        `Target "${target}" leaves the repository of ${locationKey(base)}`,
      );
    }
    return { type: "git", target: gitTargetString({ ...t, filePath: path.posix.normalize(filePath) }) };
  }
  const wanted = type ?? (isAbsoluteUrl(target) ? "url" : base.type);
  if (wanted === "url") {
    if (isAbsoluteUrl(target)) return { type: "url", target: new URL(target).toString() };
    if (base.type !== "url") {
      throw new IngestError(
        "READ_FAILED",
        `Relative url target "${target}" needs a url base, but it is in ${locationKey(base)}`,
      );
    }
    return { type: "url", target: new URL(target, base.target).toString() };
  }
  if (wanted !== "file") throw new IngestError("READ_FAILED", `Unsupported location type "${wanted}"`);
  if (base.type === "url") {
    // A remote file must not make the server read its own disk.
    throw new IngestError(
      "READ_FAILED",
      `A file target "${target}" cannot be referenced from ${locationKey(base)}`,
    );
  }
  return { type: "file", target: path.resolve(path.dirname(base.target), target) };
}

/** The folder holding a location, in the form Backstage uses for backstage.io/source-location. */
export function sourceLocationOf(spec: LocationSpec): string {
  if (spec.type === "git") return `git:${path.posix.dirname(spec.target)}/`;
  if (spec.type === "url") return `url:${new URL("./", spec.target).toString()}`;
  return `file:${path.dirname(spec.target)}${path.sep}`;
}

function gitTargetString(t: GitTarget): string {
  return `${t.gitdir}/blob/${t.ref}/${t.filePath}`;
}
