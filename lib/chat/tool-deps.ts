import type { SqlExecutor } from "@/lib/catalog/db/sql-client";
import { tryCanonicalRef } from "@/lib/catalog/model/entity-ref";
import { getEntityByRef } from "@/lib/catalog/queries/get-entity";
import { getEntityPage } from "@/lib/catalog/queries/get-entity-page";
import { listEntities } from "@/lib/catalog/queries/list-entities";
import { analyzeLog } from "@/lib/diagnose/analyzer";
import { runbookQuery, runbookSteering } from "@/lib/diagnose/diagnose";
import { offlineDiagnosis } from "@/lib/diagnose/offline-engine";
import type { ClusterHealthFn } from "@/lib/k8s/cluster-health";
import type { PodContext, PodNotFound } from "@/lib/k8s/collect-pod";
import type { RunbookService } from "@/lib/runbooks/service";
import { fromCatalogSummary, notFoundEntity, toEntityDetail } from "./adapters/catalog";
import { toClusterHealthOutput, toPodDetailsOutput } from "./adapters/cluster";
import { toDiagnosisOutput } from "./adapters/diagnosis";
import { toRunbookSearchOutput } from "./adapters/runbooks";
import type { CatalogName } from "./offline/entity-resolver";
import type { ChatToolDeps } from "./tools";

export interface ChatServices {
  catalogDb: SqlExecutor;
  /** How long the catalog name list for offline mention matching is reused (default 30 s). */
  catalogNamesTtlMs?: number;
  runbooks: Pick<RunbookService, "search">;
  clusterHealth: ClusterHealthFn;
  podContext: (ref: { namespace: string; name: string }) => Promise<PodContext | PodNotFound>;
}

/** Connects the chat tools to the catalog, runbook, diagnosis and Kubernetes modules. */
export function createChatToolDeps(services: ChatServices): ChatToolDeps {
  const { catalogDb, runbooks } = services;
  const names = cachedCatalogNames(catalogDb, services.catalogNamesTtlMs ?? 30_000);
  return {
    catalogNames: names,
    // The deterministic engine, also when a model is configured: in chat the
    // model already reasons over this result, a second model call would only add latency.
    async diagnose(text) {
      const analysis = analyzeLog(text);
      // Nothing recognised: no runbook beats a guess. Otherwise the same steering as
      // /api/diagnose: the root cause's and the runner-up's runbooks first, keyword hits after,
      // so a near miss still surfaces the right runbook. A recognised failure outside the
      // vocabulary (fd exhaustion, read-only filesystem) has runbooks under "other".
      const hits =
        analysis.categories.length === 0
          ? []
          : await runbooks
              .search({ query: runbookQuery(analysis), topK: 3, ...runbookSteering(analysis) })
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

// Enough for a large org; beyond it offline mode falls back to the catalog's text search.
const MAX_CATALOG_NAMES = 20_000;

interface NameRow {
  ref: string;
  kind: string;
  name: string;
  title: string | null;
  aliases: unknown;
  display_name: string | null;
}

/** Names, titles and aliases (metadata.aliases, a group's or user's profile.displayName) of every entity. */
function cachedCatalogNames(db: SqlExecutor, ttlMs: number): () => Promise<CatalogName[]> {
  let cached: { at: number; names: Promise<CatalogName[]> } | null = null;
  return () => {
    if (cached && Date.now() - cached.at < ttlMs) return cached.names;
    const names = db
      .$queryRawUnsafe<NameRow[]>(
        `SELECT ref, kind, name, title, entity->'metadata'->'aliases' AS aliases,
                entity->'spec'->'profile'->>'displayName' AS display_name
           FROM catalog_entities ORDER BY ref LIMIT ${MAX_CATALOG_NAMES}`,
      )
      .then((rows) =>
        rows.map((r) => ({
          ref: r.ref,
          kind: r.kind,
          name: r.name,
          title: r.title,
          aliases: [
            ...(Array.isArray(r.aliases)
              ? r.aliases.filter((a): a is string => typeof a === "string").slice(0, 10)
              : []),
            ...(r.display_name ? [r.display_name] : []),
          ],
        })),
      );
    cached = { at: Date.now(), names };
    names.catch(() => {
      cached = null;
    });
    return names;
  };
}
