import type { Category } from "../categories";
import { type CommandTemplate, describe, previousLogs } from "./shared";

// Runtime and service failures: JVM heap, database, cloud credentials, exceptions, and the unknown.
export const runtimeTemplates = {
  jvm_oom: [
    {
      template: "kubectl exec {{pod}} -n {{ns}} -- jcmd 1 GC.heap_info",
      description: "Inspect current heap usage.",
    },
    {
      template:
        'kubectl set env {{workload}} -n {{ns}} JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:+HeapDumpOnOutOfMemoryError"',
      description: "Size the heap from the container limit and capture a dump on the next OOM.",
    },
  ],
  database_error: [
    previousLogs,
    {
      template: "kubectl get secrets -n {{ns}} -o name | grep -i -E 'db|database|postgres|mysql'",
      description:
        "Find the credentials Secret the app reads (auth failures: compare user/password/database).",
    },
    {
      template: 'psql "$DATABASE_URL" -c "select state, count(*) from pg_stat_activity group by state"',
      description:
        "(PostgreSQL) see connection usage; 'too many connections' needs pooling or a higher max_connections.",
    },
    {
      template: "psql \"$DATABASE_URL\" -c '\\dt'",
      description: "(PostgreSQL) check that the relation exists, i.e. migrations ran against this database.",
    },
  ],
  cloud_auth: [
    {
      template: "aws sts get-caller-identity",
      description: "(AWS) which identity the environment resolves, if any.",
    },
    {
      template:
        "gcloud auth list && gcloud auth application-default print-access-token >/dev/null && echo ok",
      description: "(GCP) active account and application default credentials.",
    },
    { template: "az account show", description: "(Azure) current login and subscription." },
    {
      template: "kubectl get pod {{pod}} -n {{ns}} -o jsonpath='{.spec.serviceAccountName}'",
      description: "Service account whose workload identity (IRSA / Workload Identity) the pod uses.",
    },
  ],
  application_exception: [
    previousLogs,
    {
      template: "git log -n 5 --format='%h %an %ar %s' -L {{line}},+1:{{file}}",
      description: "Who changed the failing line recently (run in the repository).",
      when: "file",
    },
    {
      template: "kubectl rollout history {{workload}} -n {{ns}}",
      description: "Correlate the exception with the latest rollout.",
    },
    {
      template: "kubectl rollout undo {{workload}} -n {{ns}}",
      description: "Roll back if the exception started with the latest revision.",
    },
  ],
  other: [
    describe,
    {
      template: "kubectl get events -n {{ns}} --sort-by=.lastTimestamp",
      description: "Review recent namespace events.",
    },
    { template: "kubectl logs {{pod}} -n {{ns}} --tail=200", description: "Read the most recent logs." },
  ],
} satisfies Partial<Record<Category, CommandTemplate[]>>;
