import type { Entity } from "../model/types";

/** `git`: a file in one of the scaffolder's embedded bare repositories (see git-reader.ts). */
export type LocationType = "file" | "url" | "git";

export interface LocationSpec {
  type: LocationType;
  /** Absolute file path, absolute http(s) URL, or `/abs/repo.git/blob/<ref>/<path>` for git. */
  target: string;
}

export type IngestErrorCode =
  | "YAML_SYNTAX"
  | "VALIDATION"
  | "READ_FAILED"
  | "NOT_FOUND"
  | "PAYLOAD_TOO_LARGE"
  | "FORBIDDEN_HOST"
  | "TIMEOUT"
  | "LOCATION_CYCLE"
  | "PLACEHOLDER"
  | "CONFLICT"
  | "DUPLICATE"
  | "LIMIT_EXCEEDED"
  /** A scaffolder Template's lint finding (a warning: the entity is stored anyway). */
  | "TEMPLATE_LINT";

/** A problem tied to a location; stored per location and shown to users. */
export interface IngestProblem {
  code: IngestErrorCode;
  message: string;
  /** `file:/abs/path` or `url:https://…` of the file the problem is in. */
  file?: string;
  documentIndex?: number;
  path?: string;
  line?: number;
  column?: number;
  entityRef?: string;
}

export interface ReadEntity {
  entity: Entity;
  /** Canonical lower-case ref. */
  ref: string;
  /** Location key of the file the entity came from. */
  file: string;
  documentIndex: number;
}

export interface LocationTree {
  entities: ReadEntity[];
  problems: IngestProblem[];
  /** Location keys of every file read successfully. */
  filesRead: string[];
  /** Location keys that failed to read or parse: their previously stored entities must be kept. */
  filesFailed: string[];
  /** Refs of documents that were found but invalid: their previously stored versions are kept. */
  invalidRefs: string[];
  /** Set when the tree exceeded a limit: its entities are incomplete and must not be applied. */
  aborted?: IngestProblem;
}
