import Link from "next/link";

export interface MyTeam {
  ref: string;
  count: number;
}

/** "Owned by my teams" on the home page: each team with its entity count, plus one link for all. */
export function MyTeamsPanel({ teams, allHref }: { teams: MyTeam[]; allHref: string }) {
  return (
    <section
      aria-labelledby="my-teams"
      className="mt-6 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-center justify-between">
        <h2 id="my-teams" className="font-medium">
          Owned by my teams
        </h2>
        {teams.length > 0 && (
          <Link href={allHref} className="text-sm text-brand-600 hover:underline">
            Show all in the catalog
          </Link>
        )}
      </div>
      {teams.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">
          No team found for you: your catalog User entity (matched by email) has no memberOf groups.
        </p>
      ) : (
        <ul className="mt-3 flex flex-wrap gap-3 text-sm">
          {teams.map((t) => (
            <li key={t.ref}>
              <Link
                href={`/catalog?owner=${encodeURIComponent(t.ref)}`}
                className="rounded-md border border-slate-200 px-3 py-1 hover:border-brand-500 dark:border-slate-700"
              >
                {t.ref.replace(/^group:default\//, "")} · {t.count}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
