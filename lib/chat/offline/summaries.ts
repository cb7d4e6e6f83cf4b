import type { ChatToolName, ChatToolShapes } from "../types";

/** One short markdown paragraph per tool result, written after the card in offline mode. */
export function summarizeToolOutput<N extends ChatToolName>(
  name: N,
  output: ChatToolShapes[N]["output"],
): string {
  switch (name) {
    case "diagnoseError": {
      const d = output as ChatToolShapes["diagnoseError"]["output"];
      const runbooks = d.runbooks.length
        ? ` Runbook: ${d.runbooks.map((r) => `[${r.title}](${r.url})`).join(", ")}.`
        : "";
      const destructive = d.commands.some((c) => c.destructive)
        ? " Some suggested commands change the cluster; read the warning before running them."
        : "";
      const commands = d.commands.length
        ? ` The card lists ${d.commands.length} command${d.commands.length === 1 ? "" : "s"} to investigate and fix it.`
        : "";
      return `**Likely cause: ${d.title}** (${d.severity} severity).${commands}${runbooks}${destructive}`;
    }
    case "searchRunbooks": {
      const r = output as ChatToolShapes["searchRunbooks"]["output"];
      if (r.results.length === 0) return `No runbook matches "${r.query}".`;
      const top = r.results[0];
      return `Found ${r.results.length} runbook${r.results.length === 1 ? "" : "s"} for "${r.query}"; the best match is [${top.title}](${top.url}).`;
    }
    case "getClusterHealth": {
      const c = output as ChatToolShapes["getClusterHealth"]["output"];
      if (!c.connected) return "No Kubernetes cluster is connected, so there is nothing to report.";
      const problems = c.problems.length + c.moreProblems;
      return `Cluster **${c.cluster ?? "current"}**: ${c.nodes.ready}/${c.nodes.total} nodes ready, ${c.deployments.available}/${c.deployments.total} deployments available, ${problems === 0 ? "no problems detected" : `${problems} problem${problems === 1 ? "" : "s"} detected`}.`;
    }
    case "getPodDetails": {
      const p = output as ChatToolShapes["getPodDetails"]["output"];
      if (!p.found) return `Pod ${p.namespace}/${p.name}: ${p.message ?? "not found"}.`;
      const restarts = p.containers.reduce((n, c) => n + c.restarts, 0);
      return `Pod **${p.namespace}/${p.name}** is ${p.phase ?? "in an unknown phase"} with ${restarts} restart${restarts === 1 ? "" : "s"}${p.problems[0] ? `; top problem: ${p.problems[0].reason}` : ""}.`;
    }
    case "findEntities": {
      const f = output as ChatToolShapes["findEntities"]["output"];
      if (f.results.length === 0) return `Nothing in the catalog matches "${f.query}".`;
      return `${f.total} catalog entit${f.total === 1 ? "y matches" : "ies match"} "${f.query}".`;
    }
    case "getEntity": {
      const e = output as ChatToolShapes["getEntity"]["output"];
      if (!e.found || !e.entity) return `There is no catalog entity ${e.ref}.`;
      const name = e.entity.title ?? e.entity.name;
      return e.owner
        ? `**${name}** is owned by [${e.owner.title ?? e.owner.ref}](${e.owner.url}).`
        : `**${name}** has no owner recorded in the catalog.`;
    }
  }
  return "";
}
