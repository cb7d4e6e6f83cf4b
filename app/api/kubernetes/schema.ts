import { z } from "zod";

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Namespaces are DNS-1123 labels; validating here keeps odd input out of API server URLs and logs. */
export const namespaceSchema = z
  .string()
  .max(63, "must be at most 63 characters")
  .regex(DNS1123_LABEL, "must be a DNS-1123 label (lower-case letters, digits and '-')");

/** `?namespace=` is optional and an empty value means "all namespaces". */
export const optionalNamespaceQuery = z.object({
  namespace: z
    .string()
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(namespaceSchema.optional()),
});

export const podPathSchema = z.object({
  namespace: namespaceSchema,
  name: z
    .string()
    .max(253, "must be at most 253 characters")
    .regex(DNS1123_SUBDOMAIN, "must be a DNS-1123 subdomain"),
});

export const workloadsQuerySchema = z.object({
  entity: z
    .string()
    .min(1, "is required, e.g. component:default/checkout-api")
    .max(400, "must be at most 400 characters"),
});
