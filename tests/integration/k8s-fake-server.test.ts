import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeKube, startFakeKube } from "@/tests/support/fake-kube/server";

// The fake API server itself: routing, selectors and faults, checked over plain HTTP.
describe("fake kube API server", () => {
  let kube: FakeKube;
  beforeAll(async () => {
    kube = await startFakeKube({ scenario: "broken", faults: { ingresses: "forbidden" } });
  });
  afterAll(() => kube?.stop());

  const get = async (path: string) => {
    const res = await fetch(kube.url + path);
    return { status: res.status, body: await res.json() };
  };
  const names = (body: { items: { metadata: { name: string } }[] }) =>
    body.items.map((i) => i.metadata.name).sort();

  it("serves cluster-wide and namespaced lists as real List objects", async () => {
    const all = await get("/api/v1/pods");
    expect(all.body).toMatchObject({
      kind: "PodList",
      apiVersion: "v1",
      metadata: { resourceVersion: expect.any(String) },
    });
    const payments = await get("/api/v1/namespaces/payments/pods");
    expect(payments.body.items.length).toBeGreaterThan(0);
    expect(payments.body.items.length).toBeLessThan(all.body.items.length);
    expect(
      payments.body.items.every(
        (p: { metadata: { namespace: string } }) => p.metadata.namespace === "payments",
      ),
    ).toBe(true);
    const deps = await get("/apis/apps/v1/namespaces/data/deployments");
    expect(deps.body.kind).toBe("DeploymentList");
    expect(names(deps.body)).toEqual(["etl-api"]);
  });

  it("gets by name, with a NotFound Status for missing objects", async () => {
    const dep = await get("/apis/apps/v1/namespaces/shop/deployments/checkout");
    expect(dep.body).toMatchObject({
      kind: "Deployment",
      apiVersion: "apps/v1",
      metadata: { name: "checkout" },
    });
    const missing = await get("/apis/apps/v1/namespaces/shop/deployments/nope");
    expect(missing).toMatchObject({ status: 404, body: { kind: "Status", reason: "NotFound", code: 404 } });
    expect((await get("/apis/apps/v2/deployments")).status).toBe(404);
  });

  it("filters by fieldSelector and labelSelector", async () => {
    const pvcEvents = await get(
      `/api/v1/namespaces/data/events?fieldSelector=${encodeURIComponent("involvedObject.name=warehouse-data,involvedObject.namespace=data")}`,
    );
    expect(pvcEvents.body.items.map((e: { reason: string }) => e.reason)).toEqual(["ProvisioningFailed"]);
    const normal = await get(`/api/v1/events?fieldSelector=${encodeURIComponent("type!=Warning")}`);
    expect(normal.body.items.every((e: { type: string }) => e.type === "Normal")).toBe(true);
    const sel = encodeURIComponent("app.kubernetes.io/name in (ledger, fraud-model),!job-name");
    expect(names((await get(`/apis/apps/v1/deployments?labelSelector=${sel}`)).body)).toEqual([
      "fraud-model",
      "ledger",
    ]);
    const neq = encodeURIComponent("app.kubernetes.io/name!=storefront,app.kubernetes.io/name");
    expect(
      names((await get(`/apis/apps/v1/namespaces/shop/deployments?labelSelector=${neq}`)).body),
    ).not.toContain("storefront");
  });

  it("answers 403 with a Forbidden Status for a faulted kind and stays read-only", async () => {
    const forbidden = await get("/apis/networking.k8s.io/v1/ingresses");
    expect(forbidden).toMatchObject({
      status: 403,
      body: { kind: "Status", reason: "Forbidden", code: 403 },
    });
    const post = await fetch(`${kube.url}/api/v1/namespaces/shop/pods`, { method: "POST", body: "{}" });
    expect(post.status).toBe(405);
  });
});
