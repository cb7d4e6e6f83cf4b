import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Catalog" };

export default function Page() {
  return (
    <>
      <PageHeader title="Catalog" />
      <ComingSoon feature="The service catalog" />
    </>
  );
}
