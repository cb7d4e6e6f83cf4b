import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Diagnose" };

export default function Page() {
  return (
    <>
      <PageHeader title="Diagnose" />
      <ComingSoon feature="Error diagnosis" />
    </>
  );
}
