import type { CatalogViolation } from "../model/types";
import { validateEntity } from "./validate-entity";

/** Backstage's SerializedError subset used by ValidateEntityResponse. */
export interface SerializedValidationError {
  name: "InputError";
  message: string;
  path: string;
}

export type ValidateEntityResponse = { valid: true } | { valid: false; errors: SerializedValidationError[] };

/** `POST /validate-entity`: the response shape @backstage/catalog-client expects. */
export function validateEntityResponse(raw: unknown): ValidateEntityResponse {
  const { violations } = validateEntity(raw, { documentIndex: 0 });
  if (violations.length === 0) return { valid: true };
  return {
    valid: false,
    errors: violations.map((v: CatalogViolation) => ({
      name: "InputError",
      message: v.message,
      path: v.path,
    })),
  };
}
