import type { V1PersistentVolumeClaim } from "@kubernetes/client-node";
import type { KubeEvent, Problem } from "../types";
import { eventsFor, eventTime, problem } from "./util";

export function analyzePvcs(pvcs: V1PersistentVolumeClaim[], events: KubeEvent[] = []): Problem[] {
  const out: Problem[] = [];
  for (const pvc of pvcs) {
    const ns = pvc.metadata?.namespace;
    const name = pvc.metadata?.name ?? "";
    const phase = pvc.status?.phase;
    if (phase === "Pending") {
      const latest = eventsFor(events, "PersistentVolumeClaim", ns, name)
        .filter((e) => e.type === "Warning")
        .sort((a, b) => (eventTime(b)?.getTime() ?? 0) - (eventTime(a)?.getTime() ?? 0))[0];
      out.push(
        problem(
          "PersistentVolumeClaim",
          ns,
          name,
          "medium",
          latest?.reason ?? "Pending",
          latest?.message ?? `PVC is Pending (storageClass ${pvc.spec?.storageClassName ?? "default"}).`,
          "Check that the StorageClass exists and its provisioner is running, or that a matching PV is available.",
        ),
      );
    } else if (phase === "Lost") {
      out.push(
        problem(
          "PersistentVolumeClaim",
          ns,
          name,
          "high",
          "Lost",
          "The bound PersistentVolume no longer exists.",
          "Restore the volume from backup or recreate the claim; data on the lost volume is not reachable.",
        ),
      );
    }
  }
  return out;
}
