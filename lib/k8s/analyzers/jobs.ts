import type { V1CronJob, V1Job } from "@kubernetes/client-node";
import type { Problem } from "../types";
import { key, problem } from "./util";

const failedCondition = (job: V1Job) =>
  job.status?.conditions?.find((c) => c.type === "Failed" && c.status === "True");

const created = (job: V1Job) => new Date(job.metadata?.creationTimestamp ?? 0).getTime();

/**
 * Failed Jobs, and CronJobs whose most recent run failed. A CronJob's older
 * failed runs are not reported once a newer run exists: they are history.
 */
export function analyzeJobs(jobs: V1Job[], cronJobs: V1CronJob[] = []): Problem[] {
  const out: Problem[] = [];
  const latestByCron = new Map<string, V1Job>();
  for (const job of jobs) {
    const owner = job.metadata?.ownerReferences?.find((o) => o.kind === "CronJob");
    if (owner) {
      const k = key(job.metadata?.namespace, owner.name);
      const prev = latestByCron.get(k);
      if (!prev || created(job) > created(prev)) latestByCron.set(k, job);
      continue;
    }
    const failed = failedCondition(job);
    if (failed) {
      out.push(
        problem(
          "Job",
          job.metadata?.namespace,
          job.metadata?.name,
          "high",
          failed.reason ?? "JobFailed",
          failed.message ?? `Job failed after ${job.status?.failed ?? 0} failed pod(s).`,
          "Check the logs of the job's failed pods; fix the cause and re-run the job.",
        ),
      );
    }
  }
  // A suspended CronJob will not run again, so its last failure is not actionable noise.
  const suspended = new Set(
    cronJobs.filter((c) => c.spec?.suspend).map((c) => key(c.metadata?.namespace, c.metadata?.name)),
  );
  for (const [k, job] of latestByCron) {
    const failed = failedCondition(job);
    if (!failed || suspended.has(k)) continue;
    const cronName = k.slice(k.indexOf("/") + 1);
    out.push(
      problem(
        "CronJob",
        job.metadata?.namespace,
        cronName,
        "high",
        failed.reason ?? "JobFailed",
        `Last run ${job.metadata?.name} failed: ${failed.message ?? `${job.status?.failed ?? 0} failed pod(s)`}.`,
        "Check the logs of the last run's pods; the next scheduled run will fail the same way until fixed.",
      ),
    );
  }
  return out;
}
