import { IngestError } from "@/lib/catalog/ingest/ingest-error";
import { locationKey } from "@/lib/catalog/ingest/location-target";
import type { IngestProblem, LocationSpec } from "@/lib/catalog/ingest/types";
import { ApiError } from "@/lib/http";

const ROOT_FAILURES: Record<string, { status: number; code: string }> = {
  FORBIDDEN_HOST: { status: 400, code: "location_forbidden" },
  NOT_FOUND: { status: 404, code: "location_not_found" },
  PAYLOAD_TOO_LARGE: { status: 400, code: "location_too_large" },
  YAML_SYNTAX: { status: 400, code: "yaml_syntax" },
  READ_FAILED: { status: 400, code: "location_unreadable" },
  TIMEOUT: { status: 504, code: "location_timeout" },
  LIMIT_EXCEEDED: { status: 400, code: "location_too_large" },
};

function problemDetails(problem: IngestProblem) {
  return {
    ingestCode: problem.code,
    ...(problem.file ? { file: problem.file } : {}),
    ...(problem.line !== undefined ? { line: problem.line, column: problem.column } : {}),
  };
}

/**
 * A location whose root file cannot be read or parsed is refused outright (nothing is
 * registered): there is nothing to import and the caller must fix the target first.
 */
export function rootFailure(spec: LocationSpec, problems: IngestProblem[]): ApiError | undefined {
  const key = locationKey(spec);
  const problem = problems.find(
    (p) => p.file === key && p.documentIndex === undefined && ROOT_FAILURES[p.code],
  );
  if (!problem) return undefined;
  const { status, code } = ROOT_FAILURES[problem.code];
  return new ApiError(status, code, problem.message, problemDetails(problem));
}

/** Maps errors thrown before any read (bad type, non-absolute URL, …) to a 400 naming the field. */
export function inputFailure(error: unknown, field: string): never {
  if (error instanceof IngestError) {
    throw new ApiError(400, "invalid_request", error.message, {
      fields: [{ field, message: error.message }],
    });
  }
  throw error;
}
