import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/diagnose/route";
import { bootstrapPrincipal } from "@/lib/access/principal";
import { resetRateLimiterStoreForTests } from "@/lib/access/rate-limit";
import type { Scope } from "@/lib/access/scopes";
import { createApiToken } from "@/lib/access/tokens";
import { getDb } from "@/lib/db/client";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";

/**
 * Live pod data is `cluster:read` data: a diagnose-only token (an alert hook) may
 * diagnose text but is refused, naming the field, when it asks for cluster context.
 */

let env: AppEnvironment;

async function token(scopes: Scope[]) {
  return (await createApiToken(getDb(), bootstrapPrincipal(), { name: "t", scopes, service: true })).token;
}

function diagnose(bearer: string, extra: Record<string, unknown> = {}) {
  return POST(
    new Request("http://localhost/api/diagnose", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ error_message: "OOMKilled: container exceeded memory limit", ...extra }),
    }),
  );
}

const POD = { include_cluster_health: true, namespace: "payments", pod_name: "fraud-model-x7kqp" };

beforeAll(async () => {
  env = await startAppEnvironment("access-diagnose-cluster", {
    PORTICO_AUTH_MODE: "oidc",
    OIDC_ISSUER_URL: "http://127.0.0.1:9/unreachable",
    OIDC_CLIENT_ID: "portico",
    OIDC_CLIENT_SECRET: "client-secret",
    PORTICO_AUTH_SECRET: "auth-secret-for-tests-0123456789abcdef",
    PORTICO_BOOTSTRAP_TOKEN: "bootstrap-secret-for-tests-0123456789abcdef",
    // No cluster configured: an allowed pod lookup degrades instead of failing.
    KUBECONFIG: "/nonexistent/kubeconfig",
    KUBERNETES_SERVICE_HOST: undefined,
    GOOGLE_GENERATIVE_AI_API_KEY: undefined,
    PORTICO_AI_BASE_URL: undefined,
  });
  resetRateLimiterStoreForTests();
});

afterAll(async () => {
  resetRateLimiterStoreForTests();
  await env?.stop();
});

describe("POST /api/diagnose cluster context needs cluster:read", () => {
  it("refuses a diagnose-only token asking for pod context with 403 naming the field and scope", async () => {
    const res = await diagnose(await token(["diagnose"]), POD);
    expect(res.status).toBe(403);
    const body = (await res.json()) as {
      error: { code: string; message: string; details: { fields: { field: string }[]; required_scope: string } };
    };
    expect(body.error.code).toBe("forbidden");
    expect(body.error.message).toContain("cluster:read");
    expect(body.error.details.fields.map((f) => f.field)).toEqual(["include_cluster_health"]);
    expect(body.error.details.required_scope).toBe("cluster:read");
  });

  it("refuses include_cluster_health even without a pod named", async () => {
    const res = await diagnose(await token(["diagnose"]), { include_cluster_health: true });
    expect(res.status).toBe(403);
  });

  it("lets diagnose + cluster:read ask for pod context", async () => {
    const res = await diagnose(await token(["diagnose", "cluster:read"]), POD);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { category: string }).category).toBeTruthy();
  });

  it("lets a diagnose-only token diagnose without cluster fields, and label a pod without fetching it", async () => {
    const bearer = await token(["diagnose"]);
    expect((await diagnose(bearer)).status).toBe(200);
    const labelled = await diagnose(bearer, { namespace: "payments", pod_name: "fraud-model-x7kqp" });
    expect(labelled.status).toBe(200);
  });
});
