import Link from "next/link";
import { MyTeamsPanel } from "@/components/access/my-teams-panel";
import { StatusPanel } from "@/components/home/status-panel";
import { navItems } from "@/components/shell/nav-items";
import { Icon } from "@/components/ui/icon";
import { PageHeader } from "@/components/ui/page-header";
import { ownedByHref, ownedByMyTeams } from "@/lib/access/my-teams";
import { getPagePrincipal } from "@/lib/access/page-principal";
import { getDb } from "@/lib/db/client";
import { getReadiness } from "@/lib/health/service";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const readiness = await getReadiness();
  const { principal } = await getPagePrincipal();
  const teams = principal ? await ownedByMyTeams(getDb(), principal).catch(() => []) : [];
  return (
    <>
      <PageHeader
        title="Welcome to Portico"
        description="Everything your engineering organisation runs, who owns it, and what to do when it breaks."
      />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {navItems.map((item) => (
          <Link
            key={item.href}
            href={item.href}
            className="group rounded-lg border border-slate-200 bg-white p-5 shadow-sm transition hover:border-brand-500 hover:shadow dark:border-slate-800 dark:bg-slate-900"
          >
            <div className="flex items-center gap-3">
              <Icon path={item.icon} className="size-6 text-brand-600" />
              <h2 className="font-medium group-hover:text-brand-600">{item.label}</h2>
            </div>
            <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">{item.description}</p>
          </Link>
        ))}
      </div>
      {principal && principal.kind !== "local" && (
        <MyTeamsPanel teams={teams} allHref={ownedByHref(teams.map((t) => t.ref))} />
      )}
      <StatusPanel report={readiness} />
    </>
  );
}
