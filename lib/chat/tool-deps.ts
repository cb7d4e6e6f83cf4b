import type { SqlExecutor } from "@/lib/catalog/db/sql-client";
import { tryCanonicalRef } from "@/lib/catalog/model/entity-ref";
import { getEntityByRef } from "@/lib/catalog/queries/get-entity";
import { getEntityPage } from "@/lib/catalog/queries/get-entity-page";
import { listEntities } from "@/lib/catalog/queries/list-entities";
import { analyzeLog } from "@/lib/diagnose/analyzer";
import { offlineDiagnosis } from "@/lib/diagnose/offline-engine";
import type { ClusterHealthFn } from "@/lib/k8s/cluster-health";
import type { PodContext, PodNotFound } from "@/lib/k8s/collect-pod";
import type { RunbookService } from "@/lib/runbooks/service";
import { fromCatalogSummary, notFoundEntity, toEntityDetail } from "./adapters/catalog";
import { toClusterHealthOutput, toPodDetailsOutput } from "./adapters/cluster";
import { toDiagnosisOutput } from "./adapters/diagnosis";
import { toRunbookSearchOutput } from "./adapters/runbooks";
import type { ChatToolDeps } from "./tools";

export interface ChatServices {
  catalogDb: SqlExecutor;
  runbooks: Pick<RunbookService, "search">;
  clusterHealth: ClusterHealthFn;
  podContext: (ref: { namespace: string; name: string }) => Promise<PodContext | PodNotFound>;
}

/** Connects the chat tools to the catalog, runbook, diagnosis and Kubernetes modules. */
export function createChatToolDeps(services: ChatServices): ChatToolDeps {
  const { catalogDb, runbooks } = services;
  return {
    // The deterministic engine, also when a model is configured: in chat the
    // model already reasons over this result, a second model call would only add latency.
    async diagnose(text) {
      const analysis = analyzeLog(text);
      const hits =
        analysis.category === "other"
          ? []
          : await runbooks
              .search({ query: text.slice(0, 2000), topK: 3, categories: [analysis.category] })
              .then((r) => r.results)
              .catch(() => []);
      const core = offlineDiagnosis({
        analysis,
        runbooks: hits.map((h) => ({
          id: h.id,
          title: h.title,
          url: h.url,
          score: h.score,
          excerpt: h.snippet,
        })),
      });
      const links = hits.map((h) => ({ id: h.id, title: h.title, url: `/runbooks/${h.id}` }));
      return toDiagnosisOutput(core, analysis, links);
    },
    async searchRunbooks(query, limit) {
      return toRunbookSearchOutput(query, await runbooks.search({ query, topK: limit }));
    },
    async clusterHealth(namespace) {
      return toClusterHealthOutput(await services.clusterHealth(namespace ? { namespace } : {}));
    },
    async podDetails(ref) {
      return toPodDetailsOutput(await services.podContext(ref));
    },
    async findEntities({ text, kind }, limit) {
      const res = await listEntities(catalogDb, { q: text, kind, pageSize: limit });
      return { query: text, results: res.items.map(fromCatalogSummary), total: res.total };
    },
    async getEntity(refInput) {
      const ref = tryCanonicalRef(refInput, { defaultKind: "Component", defaultNamespace: "default" });
      if (!ref) return notFoundEntity(refInput);
      const page = await getEntityPage(catalogDb, ref);
      if (!page) return notFoundEntity(ref);
      const owner = page.owner?.resolved ? await getEntityByRef(catalogDb, page.owner.ref) : null;
      return toEntityDetail(ref, page, owner);
    },
  };
}
