import type { Entity } from "@/lib/catalog/model/types";
import type { EntityPage } from "@/lib/catalog/queries/get-entity-page";
import { Card } from "./card";
import { RelatedList } from "./related-list";

type Profile = { displayName?: string; email?: string; picture?: string };

function ProfileCard({ entity }: { entity: Entity }) {
  const profile = (entity.spec?.profile ?? {}) as Profile;
  if (!profile.displayName && !profile.email) return null;
  return (
    <Card title="Profile">
      <div className="flex items-center gap-3">
        <span
          className="grid size-10 place-items-center rounded-full bg-brand-100 font-semibold text-brand-700"
          aria-hidden
        >
          {(profile.displayName ?? entity.metadata.name).slice(0, 1).toUpperCase()}
        </span>
        <div>
          {profile.displayName && <p className="font-medium">{profile.displayName}</p>}
          {profile.email && (
            <a
              href={`mailto:${profile.email}`}
              className="text-brand-700 hover:underline dark:text-brand-500"
            >
              {profile.email}
            </a>
          )}
        </div>
      </div>
    </Card>
  );
}

/** The catalog list filtered to what the page's entity owns. */
export function ownedEntitiesHref(page: EntityPage): string {
  const { kind, metadata } = page.entity;
  const ref = `${kind}:${metadata.namespace ?? "default"}/${metadata.name}`.toLowerCase();
  return `/catalog?owner=${encodeURIComponent(ref)}`;
}

/** Group pages: parent, child groups, members and owned entities; user pages: groups and owned entities. */
export function PeopleSections({ page }: { page: EntityPage }) {
  const kind = page.entity.kind.toLowerCase();
  if (kind !== "group" && kind !== "user") return null;
  const parent = page.relations.filter((r) => r.relation === "childOf");
  const total = (type: string) => page.relationTotals[type] ?? 0;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <ProfileCard entity={page.entity} />
      {kind === "group" && (
        <>
          <Card title="Parent group">
            <RelatedList items={parent} empty="Top-level group." />
          </Card>
          <Card title={`Child groups (${total("parentOf")})`}>
            <RelatedList items={page.childGroups} total={total("parentOf")} empty="No child groups." />
          </Card>
          <Card title={`Members (${total("hasMember")})`} testId="group-members">
            <RelatedList items={page.members} total={total("hasMember")} empty="No members." />
          </Card>
        </>
      )}
      {kind === "user" && (
        <Card title={`Groups (${total("memberOf")})`}>
          <RelatedList items={page.groups} total={total("memberOf")} empty="Not a member of any group." />
        </Card>
      )}
      <Card title={`Owned entities (${total("ownerOf")})`} testId="owned-entities">
        <RelatedList
          items={page.owned}
          total={total("ownerOf")}
          moreHref={ownedEntitiesHref(page)}
          empty="Owns nothing yet."
        />
      </Card>
    </div>
  );
}
