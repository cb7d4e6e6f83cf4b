import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Cluster" };

export default function Page() {
  return (
    <>
      <PageHeader title="Cluster" />
      <ComingSoon feature="Cluster health" />
    </>
  );
}
