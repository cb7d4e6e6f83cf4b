import type { UIMessageChunk } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as chatPost } from "@/app/api/chat/route";
import { POST } from "@/app/api/diagnose/route";
import { bootstrapPrincipal } from "@/lib/access/principal";
import { resetRateLimiterStoreForTests } from "@/lib/access/rate-limit";
import type { Scope } from "@/lib/access/scopes";
import { createApiToken } from "@/lib/access/tokens";
import { readUiMessageResponse } from "@/lib/chat/sse";
import { getDb } from "@/lib/db/client";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";
import { OIDC_TEST_ENV } from "../support/oidc-test-env";

/**
 * Live pod data is `cluster:read` data, whichever route reaches it: a diagnose-only
 * token (an alert hook) may diagnose text but is refused, naming the field, when it
 * asks for cluster context; a chat-only token's cluster tools refuse.
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
    ...OIDC_TEST_ENV,
    // No cluster configured: an allowed pod lookup degrades instead of failing.
    KUBECONFIG: "/nonexistent/kubeconfig",
    KUBERNETES_SERVICE_HOST: undefined,
    GOOGLE_GENERATIVE_AI_API_KEY: undefined,
    PORTICO_AI_BASE_URL: undefined,
    CHROMA_URL: undefined,
  });
  resetRateLimiterStoreForTests();
});

afterAll(async () => {
  resetRateLimiterStoreForTests();
  // The chat route caches its wiring (and so this test's database) per process.
  (globalThis as { __porticoChatDeps?: unknown }).__porticoChatDeps = undefined;
  await env?.stop();
});

describe("POST /api/diagnose cluster context needs cluster:read", () => {
  it("refuses a diagnose-only token asking for pod context with 403 naming the field and scope", async () => {
    const res = await diagnose(await token(["diagnose"]), POD);
    expect(res.status).toBe(403);
    const body = (await res.json()) as {
      error: {
        code: string;
        message: string;
        details: { fields: { field: string }[]; required_scope: string };
      };
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

describe("POST /api/chat tools need the scope of the data they read (offline mode)", () => {
  async function ask(scopes: Scope[], text = "cluster health") {
    const res = await chatPost(
      new Request("http://localhost/api/chat", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${await token(scopes)}` },
        body: JSON.stringify({
          message: {
            id: `m${Math.random().toString(36).slice(2)}`,
            role: "user",
            parts: [{ type: "text", text }],
          },
        }),
      }),
    );
    expect(res.status).toBe(200);
    return (await readUiMessageResponse(res)).chunks as UIMessageChunk[];
  }
  const ofType = <T extends UIMessageChunk["type"]>(chunks: UIMessageChunk[], type: T) =>
    chunks.filter((c): c is Extract<UIMessageChunk, { type: T }> => c.type === type);

  it("refuses the cluster tool for a chat-only token, saying which scope is missing", async () => {
    const chunks = await ask(["chat"]);
    expect(ofType(chunks, "tool-output-available")).toEqual([]);
    const errors = ofType(chunks, "tool-output-error").map((c) => c.errorText);
    expect(errors).toEqual([expect.stringContaining("cluster:read")]);
  });

  it("runs the cluster tool for chat + cluster:read", async () => {
    const chunks = await ask(["chat", "cluster:read"]);
    expect(ofType(chunks, "tool-output-error")).toEqual([]);
    expect(ofType(chunks, "tool-output-available")[0].output).toMatchObject({ connected: false });
  });

  it("refuses the catalog tools for a token without catalog:read", async () => {
    const chunks = await ask(["chat"], "Who owns the accounts service?");
    expect(ofType(chunks, "tool-output-available")).toEqual([]);
    const errors = ofType(chunks, "tool-output-error").map((c) => c.errorText);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e).toContain("catalog:read");
  });

  it("runs the catalog tools for chat + catalog:read", async () => {
    const chunks = await ask(["chat", "catalog:read"], "Who owns the accounts service?");
    expect(ofType(chunks, "tool-output-error")).toEqual([]);
    expect(ofType(chunks, "tool-output-available").length).toBeGreaterThan(0);
  });
});
