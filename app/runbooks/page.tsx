import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Runbooks" };

export default function Page() {
  return (
    <>
      <PageHeader title="Runbooks" />
      <ComingSoon feature="Runbooks" />
    </>
  );
}
