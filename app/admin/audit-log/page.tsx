import { notFound } from "next/navigation";
import { AuditLogView } from "@/components/access/audit-log-view";
import { PageHeader } from "@/components/ui/page-header";
import { getPagePrincipal } from "@/lib/access/page-principal";

export const metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

export default async function AuditLogPage() {
  const { principal } = await getPagePrincipal();
  if (principal?.role !== "admin") notFound();
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who registered, refreshed or deleted catalog data, ran templates, managed tokens, changed roles or signed in."
      />
      <AuditLogView />
    </>
  );
}
