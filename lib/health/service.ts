import { clientConfig } from "@/lib/config/client-config";
import { getServerConfig } from "@/lib/config/server-config";
import { getDb } from "@/lib/db/client";
import { checkReadiness, type ReadinessReport } from "./readiness";

const startedAt = Date.now();

export function uptimeSeconds(): number {
  return Math.round((Date.now() - startedAt) / 1000);
}

async function chromaHeartbeat(url: string | undefined): Promise<void> {
  if (!url) throw new Error("no vector store configured (CHROMA_URL)");
  const res = await fetch(new URL("/api/v2/heartbeat", url), { signal: AbortSignal.timeout(2_000) });
  if (!res.ok) throw new Error(`heartbeat answered HTTP ${res.status}`);
}

// Probes arrive every few seconds per replica; the IdP need not hear about each one.
let idpCache: { at: number; result: Promise<void> } | undefined;
function identityProviderCheck(issuer: string): Promise<void> {
  if (!idpCache || Date.now() - idpCache.at > 30_000) {
    const url = `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
    const result = fetch(url, { signal: AbortSignal.timeout(2_000) }).then((res) => {
      if (!res.ok) throw new Error(`discovery answered HTTP ${res.status}`);
    });
    result.catch(() => {});
    idpCache = { at: Date.now(), result };
  }
  return idpCache.result;
}

export function getReadiness(): Promise<ReadinessReport> {
  const config = getServerConfig();
  return checkReadiness({
    version: clientConfig.version,
    startedAt,
    timeoutMs: 2_500,
    checkDatabase: async () => {
      await getDb().$queryRaw`SELECT 1`;
    },
    checkVectorStore: () => chromaHeartbeat(config.vectorStore.url),
    database: { embedded: config.database.embedded },
    vectorStore: { embedded: config.vectorStore.embedded },
    ai: { mode: config.ai.mode, model: config.ai.model },
    kubernetes: { mode: config.kubernetes.mode },
    identity:
      config.auth.mode === "oidc" && config.auth.oidc.issuerUrl
        ? {
            mode: "oidc",
            issuer: config.auth.oidc.issuerUrl,
            check: () => identityProviderCheck(config.auth.oidc.issuerUrl as string),
          }
        : { mode: "local" },
  });
}
