import {
  auditEntrySchema,
  createdTokenSchema,
  createTokenBody,
  tokenSummarySchema,
} from "@/lib/access/api-schemas";
import { SCOPES } from "@/lib/access/scopes";
import type { ComponentCollector } from "./components";

type Json = Record<string, unknown>;

export const securitySchemes = {
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    description: `An API token (\`ptc_…\`) from \`POST /api/tokens\` or the API tokens page, or PORTICO_BOOTSTRAP_TOKEN. Scopes: ${SCOPES.join(", ")}.`,
  },
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: "better-auth.session_token",
    description:
      "A browser session after OIDC sign-in (`__Secure-` prefixed over https). Writes also need a same-origin `Origin`.",
  },
};

/** Every operation needs credentials (in oidc mode) unless it opts out with `security: []`. */
export const defaultSecurity = [{ bearerAuth: [] }, { sessionCookie: [] }];

/**
 * Adds 401/403 (and 429 where limited) to each operation that requires credentials, so
 * clients see the access errors next to each route's own.
 */
export function withAccessResponses(paths: Json, error: Json, limited: ReadonlySet<string>): Json {
  const err = (description: string, headers?: Json) => ({
    description,
    ...(headers ? { headers } : {}),
    content: { "application/json": { schema: error } },
  });
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item as Record<string, Json>)) {
      if (Array.isArray(op.security) && op.security.length === 0) continue;
      const responses = op.responses as Json;
      responses["401"] ??= err(
        "No valid credentials (missing, unknown, expired or revoked token; no session).",
      );
      responses["403"] ??= err("The principal lacks the required scope, role or ownership.");
      if (limited.has(`${method.toUpperCase()} ${path}`)) {
        responses["429"] ??= err("Rate limit (per principal and per client IP) exceeded.", {
          "Retry-After": {
            description: "Seconds until the next request is allowed.",
            schema: { type: "integer" },
          },
        });
      }
    }
  }
  return paths;
}

export function accessPaths(c: ComponentCollector, error: Json): Json {
  const json = (schema: Json, description: string) => ({
    description,
    content: { "application/json": { schema } },
  });
  const summary = c.ref(tokenSummarySchema, "ApiTokenSummary", "output");
  return {
    "/api/tokens": {
      get: {
        operationId: "listTokens",
        tags: ["Access"],
        summary: "List API tokens (yours; every token for admins), never their secrets",
        responses: {
          "200": json(
            { type: "object", properties: { tokens: { type: "array", items: summary } } },
            "Tokens.",
          ),
        },
      },
      post: {
        operationId: "createToken",
        tags: ["Access"],
        summary: "Create an API token; the secret is in this response only",
        description:
          "Scopes cannot exceed the caller's own. `service: true` (admins) makes the token its own principal instead of acting as its creator.",
        requestBody: { required: true, ...json(c.ref(createTokenBody, "CreateTokenRequest", "input"), "") },
        responses: {
          "201": json(c.ref(createdTokenSchema, "CreatedToken", "output"), "Created."),
          "400": json(error, "Invalid input."),
        },
      },
    },
    "/api/tokens/{id}": {
      delete: {
        operationId: "revokeToken",
        tags: ["Access"],
        summary: "Revoke a token (effective on every replica at the next request)",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        responses: {
          "204": { description: "Revoked." },
          "404": json(error, "No such token (or not yours)."),
        },
      },
    },
    "/api/audit-log": {
      get: {
        operationId: "auditLog",
        tags: ["Access"],
        summary: "Audit log, newest first (admin scope)",
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 500, default: 50 } },
          { name: "cursor", in: "query", schema: { type: "string" } },
          { name: "actor", in: "query", schema: { type: "string" }, description: "Principal id or name." },
          { name: "action", in: "query", schema: { type: "string" }, description: "Action or prefix." },
        ],
        responses: {
          "200": json(
            {
              type: "object",
              properties: {
                items: { type: "array", items: c.ref(auditEntrySchema, "AuditEntry", "output") },
                nextCursor: { type: ["string", "null"] },
              },
            },
            "One page.",
          ),
          "400": json(error, "Invalid query."),
        },
      },
    },
    "/api/me": {
      get: {
        operationId: "me",
        tags: ["Access"],
        summary: "The calling principal: id, role, scopes and catalog teams",
        responses: { "200": json({ type: "object" }, "The principal.") },
      },
    },
  };
}
