import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { getServerConfig } from "@/lib/config/server-config";
import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { type ActionRegistry, createActionRegistry, missingActions } from "./actions/registry";
import { getScaffolderConfig } from "./config";
import { applyDefaultsAndValidate, splitSecretValues, type ValueProblem } from "./model/parameters";
import type { ScaffolderServices } from "./services";
import { createTask } from "./tasks/task-store";
import { TaskWorker } from "./tasks/worker";
import { findTemplate } from "./templates-source/find-template";
import { localUser } from "./user";

const holder = globalThis as unknown as {
  __porticoScaffolder?: { registry: ActionRegistry; worker?: TaskWorker };
};

export function scaffolderRegistry(): ActionRegistry {
  holder.__porticoScaffolder ??= { registry: createActionRegistry() };
  return holder.__porticoScaffolder.registry;
}

export function scaffolderServices(): ScaffolderServices {
  const config = getScaffolderConfig();
  return {
    dataDir: config.dataDir,
    catalog: catalogDeps,
    githubApiUrl: config.githubApiUrl,
    integrationTokens: config.githubToken ? { "github.com": config.githubToken } : undefined,
    fetch: {
      allowedHosts: getServerConfig().catalog.urlAllowlist,
      allowPrivateNetwork: getServerConfig().catalog.allowPrivateUrls,
    },
  };
}

/** Starts the task worker once per server process (instrumentation.ts); off when concurrency is 0. */
export function startScaffolderWorker(): TaskWorker | undefined {
  scaffolderRegistry();
  const state = holder.__porticoScaffolder as { registry: ActionRegistry; worker?: TaskWorker };
  if (state.worker) return state.worker;
  const config = getScaffolderConfig();
  if (config.concurrency === 0 || !getServerConfig().database.url) return undefined;
  state.worker = new TaskWorker({
    db: getDb(),
    registry: state.registry,
    services: scaffolderServices(),
    workerId: config.workerId,
    concurrency: config.concurrency,
    leaseMs: config.leaseMs,
    secretsKey: config.secretsKey,
    // Tasks created in this process wake the worker at once; polling finds other replicas' tasks
    // and expired leases, so it can be slow and cheap.
    pollMs: 2000,
    log: logger.child({ component: "scaffolder-worker" }),
  });
  state.worker.start();
  return state.worker;
}

export async function stopScaffolderWorker(): Promise<void> {
  const w = holder.__porticoScaffolder?.worker;
  if (holder.__porticoScaffolder) holder.__porticoScaffolder.worker = undefined;
  await w?.stop();
}

export class TaskRequestError extends Error {
  constructor(
    message: string,
    readonly errors: ValueProblem[],
  ) {
    super(message);
    this.name = "TaskRequestError";
  }
}

/**
 * POST v2/tasks: everything is checked before a row is written — the template exists, every
 * action it uses is registered, and the values satisfy every page's schema (after defaults).
 */
export async function startTask(input: {
  templateRef: string;
  values: Record<string, unknown>;
  secrets: Record<string, string>;
  /** The caller's user ref (lib/access/scaffolder-guards.ts); the local user when absent. */
  createdBy?: string;
}): Promise<string> {
  const db = getDb();
  const source = await findTemplate(catalogDeps().db, input.templateRef);
  const missing = missingActions(
    scaffolderRegistry(),
    source.template.steps.map((s) => s.action),
  );
  if (missing.length) {
    throw new TaskRequestError(
      missing.map((a) => `action ${a} is not registered`).join("; "),
      missing.map((a) => ({ field: "templateRef", message: `action ${a} is not registered` })),
    );
  }
  const { values, problems } = applyDefaultsAndValidate(source.template.pages, {
    ...input.values,
    ...input.secrets,
  });
  if (problems.length)
    throw new TaskRequestError(
      `Invalid values: ${problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`,
      problems,
    );
  const split = splitSecretValues(source.template.pages, values, input.secrets);
  for (const k of Object.keys(input.secrets)) delete split.values[k];
  const config = getScaffolderConfig();
  startScaffolderWorker();
  return createTask(db, {
    source,
    values: split.values,
    secrets: split.secrets,
    createdBy: input.createdBy ?? localUser().ref,
    secretsKey: config.secretsKey,
  });
}
