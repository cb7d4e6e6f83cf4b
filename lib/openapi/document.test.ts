import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { diagnose } from "@/lib/diagnose/diagnose";
import { buildOpenApiDocument } from "./document";

interface Doc {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
}

const doc = buildOpenApiDocument({ version: "9.9.9" }) as unknown as Doc;

function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

function validatorFor(component: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addKeyword("example");
  // Register every component so refs resolve, under the path OpenAPI uses.
  ajv.addSchema({ $id: "openapi", components: doc.components });
  return ajv.compile({ $ref: `openapi#/components/schemas/${component}` });
}

describe("OpenAPI document", () => {
  it("is JSON-serialisable OpenAPI 3.1 with every documented path", () => {
    const parsed = JSON.parse(JSON.stringify(doc)) as Doc;
    expect(parsed.openapi).toBe("3.1.0");
    expect(parsed.info.version).toBe("9.9.9");
    expect(Object.keys(parsed.paths).sort()).toEqual(
      [
        "/api/cluster-health",
        "/api/diagnose",
        "/api/health",
        "/api/metrics",
        "/api/runbooks",
        "/api/runbooks/{id}",
        "/api/suggest-runbook",
        "/api/tokens",
        "/api/tokens/{id}",
        "/api/audit-log",
        "/api/me",
        "/api/scaffolder/v2/actions",
        "/api/scaffolder/v2/dry-run",
        "/api/scaffolder/v2/tasks",
        "/api/scaffolder/v2/tasks/{taskId}",
        "/api/scaffolder/v2/tasks/{taskId}/cancel",
        "/api/scaffolder/v2/tasks/{taskId}/events",
        "/api/scaffolder/v2/tasks/{taskId}/eventstream",
        "/api/scaffolder/v2/tasks/{taskId}/retry",
        "/api/scaffolder/v2/templates/{namespace}/{kind}/{name}/parameter-schema",
        "/api/scaffolder/v2/templates/{namespace}/{kind}/{name}/lint",
      ].sort(),
    );
    expect(parsed.paths["/api/diagnose"].post.responses["413"]).toBeDefined();
  });

  it("resolves every $ref to a component schema", () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.split("/").pop() as string], ref).toBeDefined();
    }
    for (const name of [
      "ErrorBody",
      "DiagnoseRequest",
      "DiagnoseResponse",
      "ClusterHealth",
      "SuggestRunbookRequest",
    ]) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
  });

  it("describes the error body every route sends", () => {
    const validate = validatorFor("ErrorBody");
    expect(validate({ error: { code: "not_found", message: "x" } })).toBe(true);
    expect(validate({ message: "x" })).toBe(false);
  });

  it("matches what the diagnose core returns and what it accepts", async () => {
    const response = await diagnose(
      { error_message: "Last State: Terminated\n  Reason: OOMKilled\n  Exit Code: 137" },
      { requestId: "r1" },
    );
    const validResponse = validatorFor("DiagnoseResponse");
    expect(validResponse(response), JSON.stringify(validResponse.errors)).toBe(true);
    const validRequest = validatorFor("DiagnoseRequest");
    expect(validRequest({ error_message: "boom", namespace: "payments" })).toBe(true);
    expect(validRequest({ error_message: "boom", unknown_field: 1 })).toBe(false);
    expect(validRequest({})).toBe(false);
  });

  it("declares bearer tokens and session cookies, with only health open", () => {
    const full = doc as unknown as {
      security: unknown[];
      components: { securitySchemes: Record<string, { type: string }> };
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
    };
    expect(full.components.securitySchemes.bearerAuth.type).toBe("http");
    expect(full.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
    expect(full.paths["/api/health"].get.security).toEqual([]);
    expect(full.paths["/api/health"].get.responses["401"]).toBeUndefined();
    expect(full.paths["/api/diagnose"].post.responses["401"]).toBeDefined();
    expect(full.paths["/api/diagnose"].post.responses["429"]).toBeDefined();
    // Pod context is cluster data: the document tells alert-hook authors which scope it needs.
    expect(JSON.stringify(full.paths["/api/diagnose"].post.responses["403"])).toContain("cluster:read");
  });
});
