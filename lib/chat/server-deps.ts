import path from "node:path";
import { getLanguageModel } from "@/lib/ai/provider";
import { getServerConfig } from "@/lib/config/server-config";
import { getDb } from "@/lib/db/client";
import { redactSecrets } from "@/lib/diagnose/redact";
import { createKubeClients, type KubeClients } from "@/lib/k8s/client";
import { createCachedClusterHealth, getClusterHealth } from "@/lib/k8s/cluster-health";
import { collectPodContext } from "@/lib/k8s/collect-pod";
import type { Logger } from "@/lib/log/logger";
import { createRunbookService } from "@/lib/runbooks/service";
import { chromaClientFromUrl } from "@/lib/vector/chroma-client";
import { selectEmbedder } from "@/lib/vector/select-embedder";
import type { ChatHandlerDeps } from "./handle-chat";
import { createChatToolDeps } from "./tool-deps";

type Shared = Omit<ChatHandlerDeps, "log">;

// One set of services per process (Next dev reloads keep it on globalThis).
const holder = globalThis as unknown as { __porticoChatDeps?: Shared };

function build(): Shared {
  const config = getServerConfig();
  const db = getDb();
  const kube: KubeClients | null = createKubeClients({
    kubeconfigPath: config.kubernetes.kubeconfigPath,
    inCluster: config.kubernetes.mode === "in-cluster",
    timeoutMs: config.kubernetes.timeoutMs,
  });
  const runbooks = createRunbookService({
    runbooksDir: path.join(process.cwd(), "runbooks"),
    embedder: selectEmbedder({ geminiApiKey: config.ai.apiKey, geminiModelId: config.ai.embeddingModel }),
    chroma: config.vectorStore.url ? chromaClientFromUrl(config.vectorStore.url) : null,
  });
  return {
    db,
    model: getLanguageModel(config.ai),
    redact: redactSecrets,
    timeoutMs: config.ai.timeoutMs * 4,
    tools: createChatToolDeps({
      catalogDb: db,
      runbooks,
      clusterHealth: createCachedClusterHealth((opts) => getClusterHealth(kube, opts)),
      podContext: (ref) => collectPodContext(kube, ref),
    }),
  };
}

export function getChatHandlerDeps(log: Logger): ChatHandlerDeps {
  holder.__porticoChatDeps ??= build();
  return { ...holder.__porticoChatDeps, log };
}
