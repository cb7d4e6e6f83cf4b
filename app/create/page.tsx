import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Create" };

export default function Page() {
  return (
    <>
      <PageHeader title="Create" />
      <ComingSoon feature="Software templates" />
    </>
  );
}
