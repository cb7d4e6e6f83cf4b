import type { V1EndpointSlice, V1Endpoints, V1Service } from "@kubernetes/client-node";
import type { Problem } from "../types";
import { key, problem } from "./util";

interface EndpointCounts {
  ready: number;
  notReady: number;
}

function countsFromSlices(slices: V1EndpointSlice[]): Map<string, EndpointCounts> {
  const counts = new Map<string, EndpointCounts>();
  for (const s of slices) {
    const svc = s.metadata?.labels?.["kubernetes.io/service-name"];
    if (!svc) continue;
    const k = key(s.metadata?.namespace, svc);
    const c = counts.get(k) ?? { ready: 0, notReady: 0 };
    for (const ep of s.endpoints ?? []) {
      // Per the EndpointSlice API, a nil ready condition means "ready".
      if (ep.conditions?.ready === false) c.notReady += ep.addresses.length;
      else c.ready += ep.addresses.length;
    }
    counts.set(k, c);
  }
  return counts;
}

function countsFromEndpoints(endpoints: V1Endpoints[]): Map<string, EndpointCounts> {
  const counts = new Map<string, EndpointCounts>();
  for (const e of endpoints) {
    const c = { ready: 0, notReady: 0 };
    for (const subset of e.subsets ?? []) {
      c.ready += subset.addresses?.length ?? 0;
      c.notReady += subset.notReadyAddresses?.length ?? 0;
    }
    counts.set(key(e.metadata?.namespace, e.metadata?.name), c);
  }
  return counts;
}

/** Services whose selector matches no ready pod. ExternalName and selector-less services are skipped. */
export function analyzeServices(
  services: V1Service[],
  endpointSlices: V1EndpointSlice[],
  endpoints: V1Endpoints[] | null = null,
): Problem[] {
  const counts = endpoints ? countsFromEndpoints(endpoints) : countsFromSlices(endpointSlices);
  const out: Problem[] = [];
  for (const svc of services) {
    if (svc.spec?.type === "ExternalName") continue;
    const selector = svc.spec?.selector;
    if (!selector || Object.keys(selector).length === 0) continue;
    const ns = svc.metadata?.namespace;
    const c = counts.get(key(ns, svc.metadata?.name)) ?? { ready: 0, notReady: 0 };
    if (c.ready > 0) continue;
    const sel = Object.entries(selector)
      .map(([k, v]) => `${k}=${v}`)
      .join(",");
    out.push(
      problem(
        "Service",
        ns,
        svc.metadata?.name,
        "high",
        "NoReadyEndpoints",
        c.notReady > 0
          ? `No ready endpoints; ${c.notReady} endpoint(s) not ready (selector ${sel}).`
          : `No pods match the selector ${sel}.`,
        c.notReady > 0
          ? "The matching pods are failing readiness; fix the pods or their readiness probe."
          : "Check that the selector matches the pod labels and that the pods are running.",
      ),
    );
  }
  return out;
}
