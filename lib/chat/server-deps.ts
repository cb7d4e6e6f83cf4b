import { getLanguageModel } from "@/lib/ai/provider";
import { getServerConfig } from "@/lib/config/server-config";
import { getDb } from "@/lib/db/client";
import { redactSecrets } from "@/lib/diagnose/redact";
import { collectPodContext } from "@/lib/k8s/collect-pod";
import { getCachedClusterHealth, getKubeClients } from "@/lib/k8s/service";
import type { Logger } from "@/lib/log/logger";
import { getRunbookService } from "@/lib/runbooks/service-instance";
import type { ChatHandlerDeps } from "./handle-chat";
import { createChatToolDeps } from "./tool-deps";

type Shared = Omit<ChatHandlerDeps, "log" | "owner" | "quotas">;

// One set of services per process (Next dev reloads keep it on globalThis).
const holder = globalThis as unknown as { __porticoChatDeps?: Shared };

function build(): Shared {
  const config = getServerConfig();
  const db = getDb();
  // The same per-process clients and caches the HTTP APIs use, so chat and the
  // Cluster page share one cluster-health cache and one runbook index.
  const kube = getKubeClients();
  return {
    db,
    model: getLanguageModel(config.ai),
    redact: redactSecrets,
    timeoutMs: config.ai.timeoutMs * 4,
    tools: createChatToolDeps({
      catalogDb: db,
      runbooks: getRunbookService(),
      clusterHealth: getCachedClusterHealth(),
      podContext: (ref) => collectPodContext(kube, ref),
    }),
  };
}

export function getChatHandlerDeps(log: Logger): Shared & { log: Logger } {
  holder.__porticoChatDeps ??= build();
  return { ...holder.__porticoChatDeps, log };
}
