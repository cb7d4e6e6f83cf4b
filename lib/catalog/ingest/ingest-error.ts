import type { IngestErrorCode } from "./types";

export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    readonly details: { line?: number; column?: number } = {},
  ) {
    super(message);
    this.name = "IngestError";
  }
}
