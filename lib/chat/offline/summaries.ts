import type { ChatToolName, ChatToolShapes } from "../types";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
// Tool text quoted inside inline code: keep it one short line without backticks.
const quote = (s: string, max = 200) => {
  const flat = s.split("\n").join(" ").split("`").join("'").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** One short markdown paragraph per tool result, written after the card in offline mode. */
export function summarizeToolOutput<N extends ChatToolName>(
  name: N,
  output: ChatToolShapes[N]["output"],
  namespace?: string,
): string {
  switch (name) {
    case "diagnoseError": {
      const d = output as ChatToolShapes["diagnoseError"]["output"];
      const cause = d.summary.split("\n", 1)[0]?.trim() ?? "";
      const lines = d.evidence.slice(0, 2).map((e) => `line ${e.line}: \`${quote(e.excerpt)}\``);
      const evidence = lines.length ? ` Evidence from your paste, ${lines.join("; ")}.` : "";
      const runbooks = d.runbooks.length
        ? ` Runbook: ${d.runbooks.map((r) => `[${r.title}](${r.url})`).join(", ")}.`
        : "";
      const destructive = d.commands.some((c) => c.destructive)
        ? " Some suggested commands change the cluster; read the warning before running them."
        : "";
      const commands = d.commands.length
        ? ` The card lists ${plural(d.commands.length, "command", "commands")} to investigate and fix it.`
        : "";
      return `**Likely cause: ${d.title}** (${d.severity} severity). ${cause}${evidence}${commands}${runbooks}${destructive}`;
    }
    case "searchRunbooks": {
      const r = output as ChatToolShapes["searchRunbooks"]["output"];
      if (r.results.length === 0) return `No runbook matches "${r.query}".`;
      const top = r.results[0];
      return `Found ${plural(r.results.length, "runbook", "runbooks")} for "${r.query}"; the best match is [${top.title}](${top.url}).`;
    }
    case "getClusterHealth": {
      const c = output as ChatToolShapes["getClusterHealth"]["output"];
      if (!c.connected) return "No Kubernetes cluster is connected, so there is nothing to report.";
      const problems = c.problems.length + c.moreProblems;
      const scope = namespace ? ` (namespace **${namespace}**)` : "";
      const head = `Cluster **${c.cluster ?? "current"}**${scope}: ${c.nodes.ready}/${c.nodes.total} nodes ready, ${c.deployments.available}/${c.deployments.total} deployments available, ${problems === 0 ? "no problems detected" : `${plural(problems, "problem", "problems")} detected`}.`;
      const top = c.problems
        .slice(0, 5)
        .map(
          (p) =>
            `- **${p.reason}** ${p.kind} ${p.namespace ? `${p.namespace}/` : ""}${p.name}: ${quote(p.message)}`,
        );
      return top.length ? `${head}\n\n${top.join("\n")}` : head;
    }
    case "getPodDetails": {
      const p = output as ChatToolShapes["getPodDetails"]["output"];
      if (!p.found) return `Pod ${p.namespace}/${p.name}: ${p.message ?? "not found"}.`;
      const restarts = p.containers.reduce((n, c) => n + c.restarts, 0);
      const states = p.containers
        .filter((c) => c.reason || !c.ready)
        .map((c) => `container ${c.name} is ${c.state}${c.reason ? ` (${c.reason})` : ""}`);
      return `Pod **${p.namespace}/${p.name}** is ${p.phase ?? "in an unknown phase"} with ${plural(restarts, "restart", "restarts")}${states.length ? `; ${states.join(", ")}` : ""}${p.problems[0] ? `; top problem: ${p.problems[0].reason}` : ""}.`;
    }
    case "findEntities": {
      const f = output as ChatToolShapes["findEntities"]["output"];
      if (f.results.length === 0) return `Nothing in the catalog matches "${f.query}".`;
      const top = f.results.slice(0, 5).map((e) => `[${e.title ?? e.name}](${e.url})`);
      return `${f.total} catalog entit${f.total === 1 ? "y matches" : "ies match"} "${f.query}": ${top.join(", ")}.`;
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
