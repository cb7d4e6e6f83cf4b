import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Chat" };

export default function Page() {
  return (
    <>
      <PageHeader title="Chat" />
      <ComingSoon feature="AI chat" />
    </>
  );
}
