import type { V1EndpointSlice, V1Endpoints, V1Service } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { analyzeServices } from "./services";

const svc = (name: string, spec: V1Service["spec"]): V1Service => ({
  metadata: { name, namespace: "ns" },
  spec,
});
const slice = (service: string, ready: (boolean | undefined)[]): V1EndpointSlice => ({
  metadata: { namespace: "ns", labels: { "kubernetes.io/service-name": service } },
  addressType: "IPv4",
  endpoints: ready.map((r, i) => ({
    addresses: [`10.0.0.${i}`],
    conditions: r === undefined ? {} : { ready: r },
  })),
});

describe("analyzeServices", () => {
  const web = svc("web", { selector: { app: "web" } });

  it("is quiet when a ready endpoint exists (nil ready counts as ready)", () => {
    expect(analyzeServices([web], [slice("web", [false, true])])).toEqual([]);
    expect(analyzeServices([web], [slice("web", [undefined])])).toEqual([]);
  });
  it("reports services with only not-ready endpoints", () => {
    const [p] = analyzeServices([web], [slice("web", [false, false])]);
    expect(p).toMatchObject({ kind: "Service", name: "web", reason: "NoReadyEndpoints" });
    expect(p.message).toContain("2 endpoint(s) not ready");
  });
  it("reports services whose selector matches nothing", () => {
    expect(analyzeServices([web], [])[0].message).toContain("No pods match the selector app=web");
  });
  it("skips ExternalName and selector-less services", () => {
    const ext = svc("ext", { type: "ExternalName", externalName: "x.example" });
    const manual = svc("manual", { ports: [{ port: 80 }] });
    expect(analyzeServices([ext, manual], [])).toEqual([]);
  });
  it("uses core Endpoints when given instead of EndpointSlices", () => {
    const ep = (ready: number): V1Endpoints => ({
      metadata: { name: "web", namespace: "ns" },
      subsets: [
        {
          addresses: Array.from({ length: ready }, (_, i) => ({ ip: `10.0.0.${i}` })),
          notReadyAddresses: [{ ip: "10.0.1.1" }],
        },
      ],
    });
    expect(analyzeServices([web], [], [ep(1)])).toEqual([]);
    expect(analyzeServices([web], [], [ep(0)])).toHaveLength(1);
  });
});
