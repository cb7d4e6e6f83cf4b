import { TokensManager } from "@/components/access/tokens-manager";
import { PageHeader } from "@/components/ui/page-header";
import { getPagePrincipal } from "@/lib/access/page-principal";

export const metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

export default async function TokensPage() {
  const { principal } = await getPagePrincipal();
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens for CI, scripts and alerting hooks: send them as `Authorization: Bearer <token>`."
      />
      <TokensManager isAdmin={principal?.role === "admin"} />
    </>
  );
}
