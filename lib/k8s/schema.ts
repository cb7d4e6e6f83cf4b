import { z } from "zod";

export const severitySchema = z.enum(["critical", "high", "medium", "low"]);

export const problemSchema = z.object({
  kind: z.string(),
  namespace: z.string().nullable(),
  name: z.string(),
  severity: severitySchema,
  reason: z.string(),
  message: z.string(),
  hint: z.string(),
});

export const resourceErrorSchema = z.object({ resource: z.string(), message: z.string() });

export const clusterHealthSchema = z.object({
  cluster: z.string().nullable(),
  connected: z.boolean(),
  generated_at: z.string(),
  summary: z.object({
    nodes: z.object({ ready: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
    pods: z.object({
      by_phase: z.record(z.string(), z.number().int().nonnegative()),
      restarting: z.number().int().nonnegative(),
    }),
    deployments: z.object({
      available: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
    }),
    hpas_at_max: z.number().int().nonnegative(),
    quotas_near_limit: z.number().int().nonnegative(),
  }),
  problems: z.array(problemSchema),
  errors: z.array(resourceErrorSchema),
});

export type ClusterHealth = z.infer<typeof clusterHealthSchema>;
export type ClusterHealthSummary = ClusterHealth["summary"];
