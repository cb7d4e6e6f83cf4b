export { auditLogQuery } from "@/lib/access/api-schemas";
