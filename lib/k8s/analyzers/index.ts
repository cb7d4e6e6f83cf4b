import { type ClusterSnapshot, type Problem, sortProblems } from "../types";
import { analyzeDeployments } from "./deployments";
import { analyzeHpas } from "./hpas";
import { analyzeIngresses } from "./ingresses";
import { analyzeJobs } from "./jobs";
import { analyzeNodes } from "./nodes";
import { analyzePods } from "./pods";
import { analyzePvcs } from "./pvcs";
import { analyzeQuotas } from "./quotas";
import { analyzeServices } from "./services";

/** Runs every analyzer over one snapshot; problems come back most severe first. */
export function analyzeSnapshot(s: ClusterSnapshot, now: Date = new Date()): Problem[] {
  const failed = new Set(s.errors.map((e) => e.resource));
  const problems = [
    ...analyzeNodes(s.nodes),
    ...analyzePods(s.pods, { now, events: s.warningEvents }),
    ...analyzeDeployments(s.deployments),
    ...analyzeHpas(s.hpas),
    ...analyzeQuotas(s.quotas),
    // Without endpoint data every service would look empty: skip rather than raise false alarms.
    ...(failed.has("endpointslices") && !s.endpoints
      ? []
      : analyzeServices(s.services, s.endpointSlices, s.endpoints)),
    ...analyzePvcs(s.pvcs, s.warningEvents),
    ...analyzeJobs(s.jobs, s.cronJobs),
    // Likewise, an unreadable service list would make every ingress backend look missing.
    ...(failed.has("services") ? [] : analyzeIngresses(s.ingresses, s.services)),
  ];
  return sortProblems(problems);
}
