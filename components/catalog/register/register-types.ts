// Wire shapes of POST /api/catalog/register (see lib/catalog/service/register.ts), as the browser sees them.
import type { IngestProblem } from "@/lib/catalog/ingest/types";
import type { Entity } from "@/lib/catalog/model/types";

export interface RegisterEntity {
  entityRef: string;
  file: string;
  documentIndex: number;
  exists: boolean;
  entity: Entity;
}

export interface RegisterResult {
  dryRun: boolean;
  location: { id: string; type: string; target: string };
  exists: boolean;
  entities: RegisterEntity[];
  errors: IngestProblem[];
  result?: { added: number; updated: number; unchanged: number; orphaned: number; conflicts: number };
}

/** `locationId` replaces an earlier paste (entities no longer in it become orphans). */
export type RegisterInput = { yaml: string; locationId?: string } | { url: string };

/** An error response, kept whole so YAML syntax errors can show their line and column. */
export class RegisterError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details?: { line?: number; column?: number; fields?: Array<{ field: string; message: string }> },
  ) {
    super(message);
  }
}

export async function postRegister(input: RegisterInput, dryRun: boolean): Promise<RegisterResult> {
  const res = await fetch(`/api/catalog/register${dryRun ? "?dryRun=true" : ""}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (body as { error?: { message?: string; details?: RegisterError["details"] } } | null)?.error;
    throw new RegisterError(err?.message ?? `Request failed (${res.status})`, res.status, err?.details);
  }
  return body as RegisterResult;
}
