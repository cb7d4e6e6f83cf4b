import { DiagnoseWorkbench } from "@/components/diagnose/diagnose-workbench";
import { PageHeader } from "@/components/ui/page-header";
import { MAX_ERROR_MESSAGE_BYTES } from "@/lib/diagnose/schema";
import { diagnoseEngine } from "@/lib/diagnose/service";

export const metadata = { title: "Diagnose" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const param = (v: string | string[] | undefined, max: number) =>
  typeof v === "string" ? v.slice(0, max) : "";

/** `?error=&namespace=&pod=&entity=` pre-fill the form (the Cluster page links here from a finding). */
export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const p = await searchParams;
  const prefill = {
    error: param(p.error, MAX_ERROR_MESSAGE_BYTES),
    namespace: param(p.namespace, 63),
    pod: param(p.pod, 253),
    entity: param(p.entity, 512),
  };
  return (
    <>
      <PageHeader
        title="Diagnose"
        description="Paste an error or drop a log file: root cause, fix commands, prevention tips and runbooks."
      />
      <DiagnoseWorkbench prefill={prefill} engine={diagnoseEngine()} />
    </>
  );
}
